import { twMerge } from 'tailwind-merge';

/**
 * Joins class names for the primitives. When two Tailwind classes set the same thing, the later
 * one wins (tailwind-merge), so a `className` passed to a primitive overrides its default
 * instead of depending on which rule the stylesheet happens to list last.
 */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return twMerge(...classes);
}
