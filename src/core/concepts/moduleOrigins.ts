/**
 * Where a qualified name comes from, as far as concepts care. A name from one of these modules is never a concept
 * unless a note lists its qualified name: `patch` from `unittest.mock`, `compile` from `re`, `Pool` from
 * `multiprocessing`, `checkpoint` from a plotting or logging helper.
 */
const NON_ML_ROOTS: ReadonlySet<string> = new Set([
  // the standard library
  'abc', 'argparse', 'ast', 'asyncio', 'base64', 'bisect', 'builtins', 'bz2', 'calendar', 'collections', 'concurrent',
  'configparser', 'contextlib', 'copy', 'csv', 'ctypes', 'dataclasses', 'datetime', 'decimal', 'difflib', 'enum',
  'errno', 'fnmatch', 'fractions', 'functools', 'gc', 'getpass', 'glob', 'gzip', 'hashlib', 'heapq', 'hmac', 'html',
  'http', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'linecache', 'locale', 'logging',
  'lzma', 'mimetypes', 'mmap', 'multiprocessing', 'numbers', 'operator', 'os', 'pathlib', 'pdb', 'pickle', 'platform',
  'pprint', 'profile', 'pstats', 'queue', 'random', 're', 'resource', 'sched', 'secrets', 'select', 'selectors',
  'shelve', 'shlex', 'shutil', 'signal', 'site', 'socket', 'socketserver', 'sqlite3', 'ssl', 'stat', 'statistics',
  'string', 'struct', 'subprocess', 'sys', 'sysconfig', 'tarfile', 'tempfile', 'textwrap', 'threading', 'time',
  'timeit', 'tkinter', 'token', 'tokenize', 'traceback', 'types', 'typing', 'typing_extensions', 'unicodedata',
  'unittest', 'urllib', 'uuid', 'warnings', 'weakref', 'xml', 'zipfile', 'zlib', '__future__',
  // everyday third-party tools with no ML concept of their own
  'matplotlib', 'cv2', 'PIL', 'tqdm', 'requests', 'yaml', 'fire', 'click', 'typer', 'rich', 'pytest', 'mock',
  'seaborn', 'plotly', 'absl', 'tabulate', 'termcolor', 'colorama', 'filelock', 'psutil', 'setuptools', 'pkg_resources',
  'packaging', 'dotenv', 'boto3', 'fsspec', 'smart_open', 'ujson', 'orjson', 'toml', 'tomli', 'omegaconf', 'hydra',
  'wandb', 'tensorboard', 'tensorboardX', 'mlflow', 'comet_ml', 'imageio', 'skimage', 'h5py', 'pyarrow', 'IPython',
]);

/** The top-level module of a qualified name: `unittest` of `unittest.mock.patch`; '' for a relative import. */
export function rootModule(qualified: string): string {
  if (qualified.startsWith('.')) return '';
  const dot = qualified.indexOf('.');
  return dot === -1 ? qualified : qualified.slice(0, dot);
}

/** The qualified name comes from the standard library or a non-ML tool. */
export function isNonMlOrigin(qualified: string): boolean {
  return NON_ML_ROOTS.has(rootModule(qualified));
}
