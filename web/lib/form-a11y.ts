import type { PasswordInputProps } from '@mantine/core';
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
