/**
 * Parsing Salesforce formula source (the `<formula>` of a formula field, or a default value) into a tree. The
 * grammar is the formula language's expression core: literals, field names, function calls and the operators
 * `^`, `*` `/`, `+` `-`, `&`, comparisons, `&&`, `||`, with Salesforce's precedence.
 */

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'field'; name: string }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; operator: BinaryOperator; left: FormulaNode; right: FormulaNode };

export type BinaryOperator =
  '^' | '*' | '/' | '+' | '-' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '&&' | '||';

type Token =
  | { kind: 'number'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'name'; text: string }
  | { kind: 'symbol'; text: string }
  | { kind: 'end'; text: '' };

export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

/** Longest first, so `<=` wins over `<`. */
const SYMBOLS = [
  '&&',
  '||',
  '<=',
  '>=',
  '<>',
  '!=',
  '==',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '(',
  ')',
  ','
];
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\'
};

function readString(source: string, start: number): { text: string; end: number } {
  const quote = source.charAt(start);
  let text = '';
  let index = start + 1;
  while (index < source.length) {
    const character = source.charAt(index);
    if (character === quote) return { text, end: index + 1 };
    if (character === '\\') {
      const escaped = source.charAt(index + 1);
      text += ESCAPES[escaped] ?? escaped;
      index += 2;
    } else {
      text += character;
      index += 1;
    }
  }
  throw new FormulaSyntaxError(`unterminated string starting at position ${start + 1}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const rest = source.slice(index);
    const space = /^(\s+|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (space !== null) {
      index += space[0].length;
      continue;
    }
    const character = source.charAt(index);
    if (character === '"' || character === "'") {
      const { text, end } = readString(source, index);
      tokens.push({ kind: 'string', text });
      index = end;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)/.exec(rest);
    if (number !== null) {
      tokens.push({ kind: 'number', text: number[0] });
      index += number[0].length;
      continue;
    }
    const name = /^[A-Za-z$][A-Za-z0-9_$.]*/.exec(rest);
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0] });
      index += name[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    if (symbol === undefined)
      throw new FormulaSyntaxError(`unexpected character '${character}' at position ${index + 1}`);
    tokens.push({ kind: 'symbol', text: symbol });
    index += symbol.length;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** Binary operator levels, loosest first; `==` and `!=` are spellings of `=` and `<>`. */
const LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['=', '==', '<>', '!=', '<', '<=', '>', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/'],
  ['^']
];

function canonicalOperator(text: string): BinaryOperator {
  if (text === '==') return '=';
  if (text === '!=') return '<>';
  return text as BinaryOperator;
}

class Parser {
  private readonly tokens: Token[];
  private position = 0;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): FormulaNode {
    const node = this.binary(0);
    const next = this.peek();
    if (next.kind !== 'end') throw new FormulaSyntaxError(`unexpected '${next.text}'`);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? { kind: 'end', text: '' };
  }

  private take(): Token {
    const token = this.peek();
    this.position += 1;
    return token;
  }

  private expectSymbol(symbol: string): void {
    const token = this.take();
    if (token.kind !== 'symbol' || token.text !== symbol) {
      throw new FormulaSyntaxError(`expected '${symbol}' but found '${token.text || 'end of formula'}'`);
    }
  }

  private binary(level: number): FormulaNode {
    const operators = LEVELS[level];
    if (operators === undefined) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'symbol' || !operators.includes(token.text)) return left;
      this.take();
      left = { kind: 'binary', operator: canonicalOperator(token.text), left, right: this.binary(level + 1) };
    }
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.kind === 'symbol' && (token.text === '-' || token.text === '+')) {
      this.take();
      const operand = this.unary();
      return token.text === '-' ? { kind: 'negate', operand } : operand;
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const token = this.take();
    switch (token.kind) {
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'string':
        return { kind: 'string', value: token.text };
      case 'name':
        return this.nameOrCall(token.text);
      case 'symbol':
        if (token.text === '(') {
          const inner = this.binary(0);
          this.expectSymbol(')');
          return inner;
        }
        throw new FormulaSyntaxError(`unexpected '${token.text}'`);
      case 'end':
        throw new FormulaSyntaxError('unexpected end of formula');
    }
  }

  private nameOrCall(name: string): FormulaNode {
    const next = this.peek();
    if (next.kind === 'symbol' && next.text === '(') {
      this.take();
      return { kind: 'call', name: name.toUpperCase(), args: this.arguments() };
    }
    const upper = name.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
    if (upper === 'NULL') return { kind: 'null' };
    return { kind: 'field', name };
  }

  private arguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    const next = this.peek();
    if (next.kind === 'symbol' && next.text === ')') {
      this.take();
      return args;
    }
    for (;;) {
      args.push(this.binary(0));
      const token = this.take();
      if (token.kind === 'symbol' && token.text === ')') return args;
      if (token.kind !== 'symbol' || token.text !== ',') {
        throw new FormulaSyntaxError(`expected ',' or ')' but found '${token.text || 'end of formula'}'`);
      }
    }
  }
}

export function parseFormula(source: string): FormulaNode {
  return new Parser(tokenize(source)).parse();
}
