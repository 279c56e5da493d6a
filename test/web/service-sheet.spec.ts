import { fromFormField, newBuilderField, toFormField } from '../../web/lib/form-builder';
import { checkServiceValues, pathForApiField, placeApiErrors, serviceBody, serviceValuesOf, type ServiceValues } from '../../web/lib/service-sheet';

const values = (patch: Partial<ServiceValues> = {}): ServiceValues => ({
  ...serviceValuesOf(),
  code: 'VPN',
  name: 'Acceso por VPN',
  category: 'Redes',
  ...patch,
});
const field = (type: ServiceValues['form'][number]['type'], key: string) => ({ ...newBuilderField(key, []), type, key });

describe('service editor values (web/lib/service-sheet)', () => {
  it.each([
    ['teamL2Id', {}, 'teamL2Id'],
    ['code', {}, 'code'],
    ['allowedOrganisationIds.3', { restricted: true }, 'allowedOrganisationIds'],
    ['allowedOrganisationIds', { restricted: false }, null],
    ['slaTargets.high.responseMinutes', {}, 'slaTargets.high'],
    ['slaTargets.urgent', {}, null],
    ['form.0.key', { form: [field('text', 'motivo')] }, 'form.0.key'],
    ['form.1.key', { form: [field('text', 'motivo')] }, null],
    ['form.0.validation.options', { form: [field('select', 'sede')] }, 'form.0.options'],
    ['form.0.validation.options', { form: [field('text', 'motivo')] }, null],
    ['form.0.validation.regex', { form: [field('long_text', 'motivo')] }, 'form.0.regex'],
    ['form.0.validation.min', { form: [field('multi_select', 'dias')] }, 'form.0.min'],
    ['form.0.validation', { form: [field('number', 'cuantos')] }, null],
    ['status', {}, null],
    ['version', {}, null],
  ] as const)('places the API error on %s at %s → %s', (apiField, patch, expected) => {
    expect(pathForApiField(apiField, values(patch as Partial<ServiceValues>))).toBe(expected);
  });

  it('keeps the first message per path and leaves out what no input shows', () => {
    const placed = placeApiErrors(
      [
        { field: 'allowedOrganisationIds.0', message: 'no existe' },
        { field: 'allowedOrganisationIds.2', message: 'tampoco existe' },
        { field: 'status', message: 'no se edita aquí' },
        { field: 'calendarCode', message: 'No existe un calendario con esa clave' },
      ],
      values({ restricted: true }),
    );
    expect(placed).toEqual({ allowedOrganisationIds: 'no existe', calendarCode: 'No existe un calendario con esa clave' });
  });

  it("checks the definition with the API's rules, on the builder row's settings", () => {
    const errors = checkServiceValues(values({ form: [field('text', 'motivo'), field('select', 'motivo')] }));
    expect(errors).toEqual({ 'form.1.key': 'clave repetida: motivo', 'form.1.options': 'indica las opciones' });
  });

  it('asks for both SLA targets of a priority or neither', () => {
    const sla = { ...serviceValuesOf().slaTargets, high: { responseMinutes: 60, resolutionMinutes: '' as const } };
    expect(checkServiceValues(values({ slaTargets: sla }))).toEqual({ 'slaTargets.high': 'Indica respuesta y resolución, o deja ambas vacías.' });
    const done = { ...sla, high: { responseMinutes: 60, resolutionMinutes: 480 } };
    expect(serviceBody(values({ slaTargets: done })).slaTargets).toEqual({ high: { responseMinutes: 60, resolutionMinutes: 480 } });
  });
});

describe('conditions in the form builder (web/lib/form-builder)', () => {
  it('round-trips shown-when and required-when, and drops required-when on an always-required field', () => {
    const f = {
      key: 'motivo',
      type: 'text' as const,
      label: 'Motivo',
      required: false,
      showWhen: { field: 'tipo', values: ['Otro'] },
      requiredWhen: { field: 'tipo', values: ['Otro'] },
    };
    expect(toFormField(fromFormField(f))).toEqual(f);
    expect(toFormField({ ...fromFormField(f), required: true })).toEqual({
      key: 'motivo',
      type: 'text',
      label: 'Motivo',
      required: true,
      showWhen: f.showWhen,
    });
  });

  it("puts the API's condition errors on the row's condition inputs", () => {
    const v = values({ form: [field('select', 'tipo'), field('text', 'motivo')] });
    expect(pathForApiField('form.1.showWhen.field', v)).toBe('form.1.showWhenField');
    expect(pathForApiField('form.1.requiredWhen.values', v)).toBe('form.1.requiredWhenValues');
    expect(pathForApiField('form.1.requiredWhen.values.0', v)).toBe('form.1.requiredWhenValues');
    expect(pathForApiField('form.7.showWhen.field', v)).toBeNull();
    const bad = values({ form: [field('select', 'tipo'), { ...field('text', 'motivo'), showWhenField: 'nada', showWhenValues: ['x'] }] });
    expect(checkServiceValues(bad)['form.1.showWhenField']).toBe('no existe el campo «nada» en este formulario');
  });
});
