import { problemMessage } from '../../web/lib/api-errors';
import { ApiError } from '../../web/lib/api-types';
import { messages } from '../../web/messages/es-MX';

describe('problemMessage', () => {
  it('answers a schema error by its code with the form’s own words, whatever its detail says', () => {
    expect(problemMessage(new ApiError({ status: 400, code: 'REQUEST_INVALID', detail: 'La solicitud no es válida.' }))).toBe(messages.common.checkFields);
    expect(problemMessage(new ApiError({ status: 400, code: 'REQUEST_INVALID', detail: 'body must be object' }))).toBe(messages.common.checkFields);
  });

  it('shows the Spanish detail of a domain validation error', () => {
    const detail = 'Revisa los datos de la solicitud.';
    expect(problemMessage(new ApiError({ status: 400, code: 'VALIDATION_FAILED', detail }))).toBe(detail);
  });
});
