// opencc-js ships one declaration file (for its full build); its traditional → simplified entry point has the same API.
declare module 'opencc-js/t2cn' {
  export { Converter } from 'opencc-js';
}
