/**
 * A typedoc plugin that renders TeX in TSDoc with KaTeX at build time: `$$…$$` as display math,
 * `$…$` as inline math (never inside code spans or fenced code). The formulas are swapped for
 * placeholders before typedoc's markdown renderer runs and for KaTeX's HTML after it, so markdown
 * never sees TeX. KaTeX's stylesheet and fonts are copied to `assets/katex/`. A formula KaTeX
 * cannot parse is a typedoc error, so `npm run docs` fails on it.
 */
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import { JSX, MarkdownEvent, RendererEvent } from 'typedoc';

const katexDist = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');

/** Display math first, then inline math: `$` not followed by a space, ending at a `$` not preceded by one. */
const MATH = /\$\$([\s\S]+?)\$\$|\$(?![\s$])([^$\n]+?)(?<!\s)\$/g;
/** Fenced code blocks and inline code spans, left as they are. */
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** @type {string[]} */
  const rendered = [];
  const placeholder = (index) => `KATEXMATH${index}XKATEX`;

  app.renderer.on(
    MarkdownEvent.PARSE,
    (event) => {
      event.parsedText = event.parsedText
        .split(CODE)
        .map((part, index) =>
          index % 2 === 1
            ? part
            : part.replace(MATH, (whole, display, inline) => {
                const tex = display ?? inline;
                try {
                  rendered.push(
                    katex.renderToString(tex, {
                      displayMode: display !== undefined,
                      output: 'html',
                      throwOnError: true,
                      strict: false,
                    }),
                  );
                } catch (error) {
                  app.logger.error(
                    `KaTeX cannot render ${whole} on ${event.page.model.getFriendlyFullName()}: ${error.message}`,
                  );
                  return whole;
                }
                return placeholder(rendered.length - 1);
              }),
        )
        .join('');
    },
    100,
  );

  app.renderer.on(
    MarkdownEvent.PARSE,
    (event) => {
      event.parsedText = event.parsedText.replace(/KATEXMATH(\d+)XKATEX/g, (_, index) => rendered[Number(index)]);
    },
    -100,
  );

  app.renderer.hooks.on('head.end', (context) =>
    JSX.createElement('link', { rel: 'stylesheet', href: context.relativeURL('assets/katex/katex.min.css') }),
  );

  app.renderer.on(RendererEvent.END, (event) => {
    const target = join(event.outputDirectory, 'assets', 'katex');
    cpSync(join(katexDist, 'katex.min.css'), join(target, 'katex.min.css'));
    cpSync(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
  });
}
