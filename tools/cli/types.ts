import { main } from '../types/generate';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
