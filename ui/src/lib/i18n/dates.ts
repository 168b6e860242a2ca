// A time the Rust side sent (RFC 3339) as a Date, or null when it is not one.
export function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}
