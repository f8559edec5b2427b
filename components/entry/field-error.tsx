/**
 * The message under a field, referenced by the field's aria-describedby. The library's messages
 * are predicates ("must be a positive number"): the field's name is put in front of them.
 * @param props - the field id, its message if any, and the field's name
 * @returns the message, or nothing
 */
export function FieldErrorText({
  id,
  message,
  subject,
}: {
  id: string;
  message: string | undefined;
  subject?: string;
}) {
  if (message === undefined) return null;
  const text = subject !== undefined && /^[a-z]/.test(message) ? `${subject} ${message}` : message;
  return (
    <p id={`${id}-error`} className="field-error">
      <span aria-hidden="true" className="field-error-mark">
        !
      </span>{' '}
      {text}
    </p>
  );
}

/**
 * The accessibility attributes of a field with an optional error and hint.
 * @param id - the field id
 * @param message - the error, if any
 * @param hintId - the id of a hint to describe the field, if any
 * @returns props to spread on the input or select
 */
export function describeField(id: string, message: string | undefined, hintId?: string) {
  const describedBy = [message === undefined ? undefined : `${id}-error`, hintId]
    .filter((part) => part !== undefined)
    .join(' ');
  return {
    id,
    'aria-invalid': message === undefined ? undefined : true,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  } as const;
}
