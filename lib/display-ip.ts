/**
 * A client address as a person reads it. Node reports IPv4 clients of a dual-stack socket as
 * IPv4-mapped IPv6 ("::ffff:127.0.0.1", RFC 4291 §2.5.5.2); the owner knows them as 127.0.0.1.
 */
export function displayIp(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped?.[1] ?? ip;
}
