import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { oneLine } from './mail.rules';

export type RenderedMail = { subject: string; html: string; text: string };
type Compiled = { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate };

const PARTS = ['subject', 'html', 'text'] as const;
const FILE = /^(?<name>[a-z0-9_.-]+)\.(?<part>subject|html|text)\.hbs$/;

/**
 * The handlebars templates under TEMPLATES_DIR: `<event>.subject.hbs`, `<event>.html.hbs` and
 * `<event>.text.hbs`, plus shared partials under `partials/` and a `greeting` helper. Only the HTML part escapes its
 * values. `strict` makes a value missing from the context an error instead of an empty hole.
 */
export class MailTemplates {
  private readonly templates = new Map<string, Compiled>();

  constructor(dir: string) {
    const root = resolve(dir);
    const hbs = Handlebars.create();
    hbs.registerHelper('greeting', (name: unknown) => (typeof name === 'string' && name ? `Hola, ${name}:` : 'Hola:'));
    const partials = join(root, 'partials');
    for (const file of safeList(partials)) {
      if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -'.hbs'.length), readFileSync(join(partials, file), 'utf8'));
    }
    const found = new Map<string, Partial<Record<(typeof PARTS)[number], string>>>();
    for (const file of safeList(root)) {
      const match = FILE.exec(file);
      if (!match?.groups) continue;
      const parts = found.get(match.groups.name) ?? {};
      parts[match.groups.part as (typeof PARTS)[number]] = readFileSync(join(root, file), 'utf8');
      found.set(match.groups.name, parts);
    }
    for (const [name, parts] of found) {
      const missing = PARTS.filter((p) => parts[p] === undefined);
      if (missing.length) throw new Error(`Mail template ${name} in ${root} lacks ${missing.map((p) => `${name}.${p}.hbs`).join(', ')}`);
      this.templates.set(name, {
        subject: hbs.compile(parts.subject, { noEscape: true, strict: true }),
        html: hbs.compile(parts.html, { strict: true }),
        text: hbs.compile(parts.text, { noEscape: true, strict: true }),
      });
    }
  }

  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  render(name: string, context: Record<string, unknown>): RenderedMail {
    const t = this.templates.get(name);
    if (!t) throw new Error(`No mail template ${name}`);
    return { subject: oneLine(t.subject(context)), html: t.html(context), text: t.text(context).trim() + '\n' };
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
