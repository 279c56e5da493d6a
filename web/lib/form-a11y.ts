import type { PasswordInputProps } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messages } from '@/messages/es-MX';

/**
 * For @mantine/form's `enhanceGetInputProps`: Mantine 9's PasswordInput marks an invalid field
 * only with data-invalid, so assistive tech is told with aria-invalid here.
 */
export function ariaInvalid({ inputProps }: { inputProps: { error?: unknown } }) {
  return { 'aria-invalid': Boolean(inputProps.error) };
}

/** Mantine's toggle is labelled in English by default; the theme gives every PasswordInput this one. */
export const passwordToggleProps: PasswordInputProps['visibilityToggleButtonProps'] = {
  'aria-label': messages.common.togglePasswordVisibility,
};

/**
 * Moves focus to the first field marked invalid (aria-invalid, in reading order) once the errors
 * that were just set are on screen: a screen reader then reads that field with its message
 * (Mantine links it with aria-describedby), and a long form scrolls to it. Put the ref on the
 * <form> and call the function after setting the errors.
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request]);
  const focusFirstInvalid = useCallback(() => setRequest((n) => n + 1), []);
  return { ref, focusFirstInvalid };
}
