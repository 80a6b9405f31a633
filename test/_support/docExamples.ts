/**
 * Turns the `@example` blocks of TSDoc comments (and the README's `ts` blocks) into runnable checks.
 *
 * Conventions in examples:
 * - `import { a } from 'scaling-navigator/x'` takes `a` from the module under test (src/x).
 * - `expression //=> expected` asserts deep equality with the expected JavaScript value.
 * - `expression //=> throws CODE` asserts a ScalingNavigatorError with that code;
 *   `expression //=> throws CODE at ['options', 'method']` asserts its path too.
 * - `expression //≈ expected` asserts equality to 12 significant digits (numbers only).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';

export interface DocExample {
  /** Where it was found, e.g. `src/framework/strategies.ts: getStrategy`. */
  readonly where: string;
  /** The example's TypeScript source. */
  readonly code: string;
}

export interface DocumentedExport {
  readonly file: string;
  readonly name: string;
  readonly hasExample: boolean;
}

const DOC_BLOCK =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(const|function|class|let|type|interface)\s+([A-Za-z0-9_$]+)/g;
/** `throws CODE` or `throws CODE at ['path', 0]`: the code, and the path as a JavaScript array literal. */
const THROWS = /^throws\s+([A-Z_]+)(?:\s+at\s+(\[.*\]))?$/;
const FENCE = /```(?:ts|typescript)\n([\s\S]*?)```/g;

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

function stripStars(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n');
}

/** Every exported declaration with a TSDoc block, and the examples in those blocks. */
export function scanSource(root: string, dir: string): { documented: DocumentedExport[]; examples: DocExample[] } {
  const documented: DocumentedExport[] = [];
  const examples: DocExample[] = [];
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(DOC_BLOCK)) {
      const body = stripStars(match[1] ?? '');
      const name = match[3] ?? '';
      const exampleAt = body.indexOf('@example');
      const rel = relative(root, file);
      documented.push({ file: rel, name, hasExample: exampleAt >= 0 });
      if (exampleAt < 0) continue;
      for (const fence of body.slice(exampleAt).matchAll(FENCE)) {
        examples.push({ where: `${rel}: ${name}`, code: fence[1] ?? '' });
      }
    }
  }
  return { documented, examples };
}

/** The `ts` blocks of a Markdown file. */
export function markdownExamples(path: string, label: string): DocExample[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(FENCE)].map((fence, index) => ({
    where: `${label} block ${index + 1}`,
    code: fence[1] ?? '',
  }));
}

function rewrite(code: string): string {
  const lines: string[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    const typeImport = /^import\s+type\s/.exec(line);
    if (typeImport) continue;
    const imported = /^import\s+\{([^}]*)\}\s+from\s+'([^']+)';?$/.exec(line);
    if (imported) {
      const names = (imported[1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0 && !name.startsWith('type '))
        .map((name) => name.replace(/\s+as\s+/, ': '));
      lines.push(`const { ${names.join(', ')} } = __module(${JSON.stringify(imported[2])});`);
      continue;
    }
    const check = /^(.*?);?\s*\/\/(=>|≈)\s*(.+)$/.exec(line);
    if (check && (check[1] ?? '').trim() === '') {
      // `//=>` on a line of its own asserts the expression that ends on the line(s) above.
      const expression = popExpression(lines);
      const expected = (check[3] ?? '').trim();
      const throws = THROWS.exec(expected);
      if (throws)
        lines.push(`__throws(() => (${expression}), ${JSON.stringify(throws[1])}, ${throws[2] ?? 'undefined'});`);
      else if (check[2] === '≈') lines.push(`__close((${expression}), (${expected}));`);
      else lines.push(`__expect((${expression}), (${expected}));`);
      continue;
    }
    if (check && (check[1] ?? '').trim() !== '') {
      const expression = check[1] ?? '';
      const expected = (check[3] ?? '').trim();
      const throws = THROWS.exec(expected);
      if (throws)
        lines.push(`__throws(() => (${expression}), ${JSON.stringify(throws[1])}, ${throws[2] ?? 'undefined'});`);
      else if (check[2] === '≈') lines.push(`__close((${expression}), (${expected}));`);
      else lines.push(`__expect((${expression}), (${expected}));`);
      continue;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/**
 * Removes and returns the expression statement that ends the emitted lines: whole lines are taken
 * back until their brackets balance and the first does not continue an earlier line.
 */
function popExpression(lines: string[]): string {
  const taken: string[] = [];
  let depth = 0;
  while (lines.length > 0) {
    const line = lines.pop() as string;
    if (line.trim() === '' && taken.length === 0) continue;
    taken.unshift(line);
    for (const char of line.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '')) {
      if ('([{'.includes(char)) depth += 1;
      else if (')]}'.includes(char)) depth -= 1;
    }
    if (depth === 0 && !/^\s*[.)\]}?:]/.test(line)) break;
  }
  const statement = taken.join('\n').replace(/;\s*$/, '');
  if (statement.trim() === '') throw new Error('a `//=>` line follows no expression');
  return statement;
}

export interface ExampleRuntime {
  readonly module: (specifier: string) => Record<string, unknown>;
  readonly expect: (actual: unknown, expected: unknown) => void;
  readonly throws: (run: () => unknown, code: string, path: readonly (string | number)[] | undefined) => void;
  readonly close: (actual: unknown, expected: unknown) => void;
}

/** Compiles and runs one example; assertion failures propagate. */
export async function runExample(example: DocExample, runtime: ExampleRuntime): Promise<void> {
  const js = transformSync(`(async () => {\n${rewrite(example.code)}\n})()`, { loader: 'ts', format: 'cjs' }).code;
  const run = new Function('__module', '__expect', '__throws', '__close', `return ${js.replace(/;\s*$/, '')}`);
  await run(runtime.module, runtime.expect, runtime.throws, runtime.close);
}
