'use client';

import { useFormStatus } from 'react-dom';
import { Button, type ButtonSize, type ButtonVariant } from './ui/button';

export function SubmitButton({
  children,
  pendingText,
  variant,
  size,
  ...props
}: {
  children: string;
  pendingText?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  'aria-label'?: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} size={size} disabled={pending} aria-disabled={pending} {...props}>
      {pending ? (pendingText ?? `${children}…`) : children}
    </Button>
  );
}
