import { problemMessage, showProblem } from '../../web/lib/api-errors';
import { refusalMessage } from '../../web/lib/use-service-answers';
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

describe('showProblem (admin forms)', () => {
  const run = (error: unknown) => {
    const marked: Record<string, string> = {};
    let alert = '';
    showProblem(error, { setFieldError: (f, m) => (marked[f] = m) }, ['email', 'roles'], (m) => (alert = m));
    return { marked, alert };
  };

  it('puts the messages it can place under their fields and raises no alert', () => {
    const taken = new ApiError({
      status: 409,
      code: 'USER_EMAIL_TAKEN',
      detail: 'Ya existe un usuario con ese correo.',
      errors: [{ field: 'email', message: 'ya existe' }],
    });
    expect(run(taken)).toEqual({ marked: { email: 'ya existe' }, alert: '' });
  });

  it('raises the detail when no field it knows is named', () => {
    const conflict = new ApiError({
      status: 409,
      code: 'RECORD_VERSION_CONFLICT',
      detail: 'Otra persona lo modificó.',
      errors: [{ field: 'version', message: 'x' }],
    });
    expect(run(conflict)).toEqual({ marked: {}, alert: 'Otra persona lo modificó.' });
  });
});

describe('refusalMessage (pages that create a ticket)', () => {
  const refused = new ApiError({
    status: 400,
    code: 'VALIDATION_FAILED',
    detail: 'Revisa los datos de la solicitud.',
    errors: [
      { field: 'formData.extension', message: 'Número de extensión debe tener de 3 a 6 dígitos' },
      { field: 'formData.nuevo', message: 'Campo nuevo es obligatorio' },
    ],
  });

  it('points to the marked fields and still says what was refused on a field the page does not show', () => {
    expect(refusalMessage(refused, (f) => f === 'formData.extension')).toBe('Revisa los campos marcados. Además: Campo nuevo es obligatorio.');
    expect(refusalMessage(refused, () => true)).toBe(messages.common.checkFields);
    expect(refusalMessage(refused, () => false)).toBe(
      'Revisa los datos de la solicitud. Además: Número de extensión debe tener de 3 a 6 dígitos; Campo nuevo es obligatorio.',
    );
  });
});
