/**
 * JSX rendered to an HTML string on the server, escaping by default: every string or number a
 * template puts in text or in an attribute is escaped, so stored text (a task typed with
 * "<script>") can only ever show as text. Only `Raw` (the doctype) passes through unescaped.
 * The files under pages/ name this factory with a `@jsx h` pragma.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text, and makes control characters (terminal escapes among them) visible and inert. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Markup made by this module (or `Raw`): not escaped again. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = Html | string | number | boolean | null | undefined | Child[];

type Props = Record<string, unknown> & { children?: Child };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Component = (props: any) => Html;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAME = /^[a-z][a-z0-9-]*$/;

function renderChildren(children: Child): string {
  if (children === null || children === undefined || children === false || children === true) return '';
  if (Array.isArray(children)) return children.map(renderChildren).join('');
  if (children instanceof Html) return children.value;
  return escapeHtml(String(children));
}

function renderAttributes(props: Record<string, unknown>): string {
  let out = '';
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || value === null || value === undefined || value === false) continue;
    const name = key === 'className' ? 'class' : key === 'htmlFor' ? 'for' : key;
    // Names come from templates, never from data; still, nothing odd is written as a name.
    if (!/^[a-zA-Z][a-zA-Z0-9-:]*$/.test(name) || /^on/i.test(name)) throw new Error(`jsx: attribute not allowed: ${name}`);
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

export function h(tag: string | Component, props: Props | null, ...children: Child[]): Html {
  const all = { ...(props ?? {}), children: children.length ? children : props?.children };
  if (typeof tag === 'function') return tag(all);
  if (!NAME.test(tag)) throw new Error(`jsx: element not allowed: ${tag}`);
  if (tag === 'script') throw new Error('jsx: no script elements (the Content-Security-Policy forbids them)');
  const open = `<${tag}${renderAttributes(all)}>`;
  if (VOID.has(tag)) return new Html(open);
  return new Html(`${open}${renderChildren(all.children)}</${tag}>`);
}

export function Fragment(props: { children?: Child }): Html {
  return new Html(renderChildren(props.children));
}

/** Markup written by hand in a template, passed through as it is: never for data. */
export function Raw(props: { html: string }): Html {
  return new Html(props.html);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = Html;
    interface IntrinsicElements {
      [name: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
}
