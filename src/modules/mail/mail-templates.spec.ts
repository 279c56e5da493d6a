import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailTemplates } from './mail-templates';

const shipped = new MailTemplates(join(__dirname, '../../../templates'));

const ticketContext = {
  publicUrl: 'https://mesa.example.gob.mx',
  recipientName: 'Ana López',
  number: '2026-000042',
  ticketTitle: 'Sin acceso a la red <b>urgente</b>',
  heading: 'Tu solicitud 2026-000042 fue declinada',
  body: 'Motivo: fuera de catálogo',
  reason: 'Fuera de catálogo & sin <script>alert(1)</script>',
  url: 'https://mesa.example.gob.mx/login?next=%2Fsolicitante%2Ftickets%2F1',
  approveUrl: 'https://mesa.example.gob.mx/login?next=a',
  rejectUrl: 'https://mesa.example.gob.mx/login?next=r',
};
const catalogContext = { ...ticketContext, serviceName: 'Red & telefonía', serviceCode: 'RED-01', version: 2, areaName: 'Dirección de Redes' };

describe('MailTemplates (templates/)', () => {
  it('ships a template for every event that e-mails someone', () => {
    expect(shipped.names()).toEqual(
      expect.arrayContaining([
        'catalog.published',
        'catalog.changed',
        'catalog.retired',
        'ticket.approval_requested',
        'ticket.closed',
        'ticket.declined',
        'ticket.resolved',
      ]),
    );
  });

  it.each(shipped.names())('renders %s with every value it needs, subject on one line', (name) => {
    const mail = shipped.render(name, name.startsWith('catalog.') ? catalogContext : ticketContext);
    expect(mail.subject).not.toMatch(/\n/);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.html).toContain('<html lang="es-MX">');
    expect(mail.html).toContain('Hola, Ana López:');
    expect(mail.text).toContain('Hola, Ana López:');
    expect(mail.text).toContain('Mensaje automático de la Mesa de Servicio');
  });

  it('escapes values in the HTML part but not in the text part', () => {
    const mail = shipped.render('ticket.declined', ticketContext);
    expect(mail.html).toContain('Sin acceso a la red &lt;b&gt;urgente&lt;/b&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Motivo: Fuera de catálogo & sin <script>alert(1)</script>');
    expect(mail.subject).toBe('Tu solicitud 2026-000042 fue declinada');
  });

  it('gives the approver a link to approve and one to reject', () => {
    const mail = shipped.render('ticket.approval_requested', ticketContext);
    expect(mail.html).toContain('href="https://mesa.example.gob.mx/login?next&#x3D;a"');
    expect(mail.text).toContain('Rechazar: https://mesa.example.gob.mx/login?next=r');
  });

  it('greets without a name when the recipient is a shared mailbox', () => {
    expect(shipped.render('catalog.retired', { ...catalogContext, recipientName: null }).text.startsWith('Hola:')).toBe(true);
  });

  it('fails loudly on a value the template needs but the context lacks', () => {
    const { reason: _omitted, ...withoutReason } = ticketContext;
    expect(() => shipped.render('ticket.declined', withoutReason)).toThrow(/reason/);
  });

  it('refuses a template with a missing part, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-tpl-'));
    writeFileSync(join(dir, 'x.subject.hbs'), 'Hola');
    writeFileSync(join(dir, 'x.text.hbs'), 'Hola');
    expect(() => new MailTemplates(dir)).toThrow(/x\.html\.hbs/);
  });

  it('has no templates, and sends nothing, when the folder does not exist', () => {
    const none = new MailTemplates(join(tmpdir(), 'no-such-mesa-templates'));
    expect(none.names()).toEqual([]);
    expect(none.has('ticket.closed')).toBe(false);
  });
});
