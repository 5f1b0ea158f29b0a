// @ts-check
// electron-builder's configuration for the desktop installers (`npm run dist`, scripts/dist.mjs).
// It is a file of its own, not a "build" key in package.json, so that it can read the signing
// credentials from the environment and say why each choice is made. electron-builder does not
// find a file of this name by itself: always run it with `--config electron-builder.config.mjs`
// (scripts/dist.mjs and the offline packaging check do).
//
// The packaged app is an allowlist: the bundles the build made (esbuild bundles react, react-dom,
// dompurify, linkedom, Readability, fuse.js… into out/electron/ and dist/renderer/), and from
// node_modules only the two packages that stay external at run time, better-sqlite3 (with its
// two small helpers) and pdfjs-dist. tests/unit/packaging/packaged-app.test.ts checks the
// result on every `npm test`.

/**
 * Who publishes Cuttings. A deb needs a maintainer with an e-mail address, and the installers
 * show the homepage. These are placeholders in the reserved example.org domain until the
 * project has an address of its own: set them before the first public release.
 */
const PUBLISHER = { name: 'Cuttings', email: 'cuttings@example.org' };
const HOMEPAGE = 'https://example.org/cuttings';

/**
 * Which signing credentials this build has, read from the environment the way electron-builder
 * reads them itself. Where there are none, signing is skipped (scripts/dist.mjs prints one line
 * saying so) rather than failing: a developer's local installer works unsigned.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function signingFromEnv(env = process.env) {
  const set = (/** @type {string} */ name) => typeof env[name] === 'string' && env[name] !== '';
  const macIdentity = set('CSC_LINK') || set('CSC_NAME');
  // The three ways electron-builder can notarize, in its own order of preference.
  const notarize = (set('APPLE_API_KEY') && set('APPLE_API_KEY_ID') && set('APPLE_API_ISSUER'))
    || (set('APPLE_ID') && set('APPLE_APP_SPECIFIC_PASSWORD') && set('APPLE_TEAM_ID'))
    || (set('APPLE_KEYCHAIN') && set('APPLE_KEYCHAIN_PROFILE'));
  // electron-builder signs Windows executables with WIN_CSC_LINK, or CSC_LINK when that is unset.
  const winCertificate = set('WIN_CSC_LINK') || set('CSC_LINK');
  return { macIdentity, notarize: macIdentity && notarize, winCertificate };
}

const signing = signingFromEnv();

/**
 * The kinds of file Cuttings opens (its import readers). Cuttings is offered in "Open with"
 * for them, never made their default app: people open their text files, PDFs and web pages
 * elsewhere. On macOS that is the "Alternate" rank; on Linux each MIME type goes into the
 * .desktop file's MimeType list, which offers without taking over. On Windows,
 * electron-builder's associations would take over (they set each extension's default), so
 * installer/windows-open-with.nsh registers the same extensions under "Open with" instead:
 * keep its list in step with this one.
 * @type {import('electron-builder').FileAssociation[]}
 */
const fileAssociations = [
  { ext: ['html', 'htm'], name: 'Web page', mimeType: 'text/html' },
  { ext: ['mhtml', 'mht'], name: 'Web page archive (MHTML)', mimeType: 'application/x-mimearchive' },
  { ext: 'webarchive', name: 'Safari web archive', mimeType: 'application/x-webarchive' },
  { ext: 'eml', name: 'E-mail message', mimeType: 'message/rfc822' },
  { ext: 'txt', name: 'Plain text', mimeType: 'text/plain' },
  { ext: 'md', name: 'Markdown', mimeType: 'text/markdown' },
  { ext: 'pdf', name: 'PDF document', mimeType: 'application/pdf' },
  { ext: 'docx', name: 'Word document', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { ext: 'odt', name: 'OpenDocument text', mimeType: 'application/vnd.oasis.opendocument.text' },
].map((a) => ({ ...a, role: 'Viewer', rank: 'Alternate' }));

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.cuttings.Cuttings', // macOS bundle id and Windows AppUserModelID: never change it after a release
  productName: 'Cuttings',
  copyright: `Copyright © ${new Date().getFullYear()} ${PUBLISHER.name}`,
  // Written into the packaged package.json. package.json has no author or homepage of its own
  // (the CLI does not need them); the installers do. desktopName is what Electron gives Linux
  // desktops as the window's app id, so that they match running windows to cuttings.desktop.
  extraMetadata: { author: PUBLISHER, homepage: HOMEPAGE, desktopName: 'cuttings.desktop' },

  directories: {
    output: 'release', // dist/ holds the renderer build
    buildResources: 'installer', // installer-only files (the NSIS include); never packed into the app
  },

  // What the app runs, and nothing else. Source maps stay behind (they would double the size
  // and name every source file). Patterns are matched against paths in the project, and for
  // node_modules against "node_modules/<package>/…".
  files: [
    'package.json',
    'out/electron/main.cjs',
    'out/electron/preload.cjs',
    'out/electron/extract-worker.mjs',
    'out/electron/pdf-worker.mjs',
    'dist/renderer/**/*',
    'resources/samples/**/*',
    'resources/entities/model.bin', // the people/places/organisations recogniser's weights (read by the extraction workers)
    'resources/entities/NOTICE.md',
    'resources/icons/icon.png', // the window icon; the installers' icons are taken from resources/icons below
    'native/electron/better_sqlite3.node', // better-sqlite3 built for Electron's ABI (scripts/build-electron-native.mjs)
    // node_modules: electron-builder copies the production dependency tree (better-sqlite3 and
    // pdfjs-dist with everything they depend on, optional ones included) and, for node_modules,
    // honours only the exclusions ("!…") listed here. So these exclusions are an allowlist:
    // every package but the four the app loads at run time, then every file of those but the
    // ones it needs.
    '!node_modules/!(better-sqlite3|bindings|file-uri-to-path|pdfjs-dist){,/**/*}',
    '!node_modules/*/node_modules{,/**/*}',
    // better-sqlite3's JavaScript only: its build/ holds the Node-ABI module, which must never
    // ship, and deps/ and src/ are its C sources. prebuild-install, its install-time helper, is
    // left out above. It loads `bindings` (and that file-uri-to-path) only when no nativeBinding
    // is given, but they are its declared run-time dependencies and weigh a few kB.
    '!node_modules/better-sqlite3/!(package.json|lib|LICENSE){,/**/*}',
    // pdf.js: the legacy build the PDF reader loads (electron/import/formats/pdf.ts), its own
    // worker (pdf.mjs loads it from beside itself in Node), and the CMaps and standard fonts
    // pdf.ts passes as cMapUrl and standardFontDataUrl. Not the modern build, the viewer, the
    // types, the wasm image decoders (pdf.ts passes no wasmUrl: text extraction decodes no
    // images), nor the optional @napi-rs/canvas (left out above), which only rendering needs.
    '!node_modules/pdfjs-dist/!(package.json|LICENSE|legacy|cmaps|standard_fonts){,/**/*}',
    '!node_modules/pdfjs-dist/legacy/!(build){,/**/*}',
    '!node_modules/pdfjs-dist/legacy/build/!(pdf.mjs|pdf.worker.mjs)',
    '!**/*.map',
  ],
  asar: true,
  // Files that must be real files on disk, beside the archive in app.asar.unpacked: a native
  // module is loaded by the operating system, and a worker thread started from an ES module
  // file cannot read from inside app.asar (nor can the pdf.js it imports). The app's
  // electron/import/asar-unpacked.ts turns the asar paths into these.
  asarUnpack: [
    'native/electron/*.node',
    'out/electron/extract-worker.mjs',
    'out/electron/pdf-worker.mjs',
    'node_modules/pdfjs-dist/**/*',
    'resources/entities/model.bin',
  ],

  // The Electron-ABI better-sqlite3 is this project's own build (native/electron/, made by
  // scripts/dist.mjs before electron-builder runs). electron-builder's own rebuild would
  // rebuild node_modules/better-sqlite3 in place, which is the Node build the CLI and the
  // tests use, and it ships nothing from build/ anyway.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  // No publishing or update feed: an installer is built, never uploaded (electron-builder
  // would otherwise try to publish when it sees a CI environment and a tag).
  publish: null,

  // Electron's fuses, flipped in the packaged executable before it is signed.
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE must not turn Cuttings into a plain Node (nothing here forks)
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false, // no --inspect or SIGUSR1 debugger into the main process
    onlyLoadAppFromAsar: true, // no app/ folder beside app.asar can replace the app
    enableEmbeddedAsarIntegrityValidation: true, // macOS and Windows check app.asar against the hash in the signed executable
  },

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'cuttings',
    syncDesktopName: true, // the .desktop file is named after desktopName
    fileAssociations,
    icon: 'resources/icons', // the NxN.png set
    category: 'Office', // freedesktop main category; a library of articles sits beside documents
    desktop: { entry: { Categories: 'Office;Viewer;', Keywords: 'news;clippings;articles;archive;search;' } },
    maintainer: `${PUBLISHER.name} <${PUBLISHER.email}>`,
    vendor: PUBLISHER.name,
    synopsis: 'An offline library for news clippings',
    description:
      'Cuttings takes in saved web pages, PDFs, newsletters and documents, pulls out the article '
      + '(headline, outlet, byline, date, text), keeps it in a local library, and finds it again '
      + 'with typo-tolerant search, tags and a timeline. Nothing leaves your machine.',
  },
  deb: { packageCategory: 'misc', priority: 'optional' }, // Debian section ("news" there means Usenet software)
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },

  win: {
    target: ['nsis'],
    icon: 'resources/icons/icon.ico',
    // Signed with WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD (or CSC_LINK / CSC_KEY_PASSWORD) when they
    // are set; electron-builder reads them itself and skips signing when they are not.
  },
  nsis: {
    include: 'installer/windows-open-with.nsh', // "Open with" registration (see fileAssociations)
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },

  mac: {
    target: ['dmg'],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.productivity',
    fileAssociations,
    // With a Developer ID (CSC_LINK + CSC_KEY_PASSWORD, or CSC_NAME naming one in the keychain)
    // the app is signed with the hardened runtime and, given Apple credentials, notarized.
    // Without one it is signed ad hoc: it runs on the machine it was built for (Apple Silicon
    // refuses unsigned code) but Gatekeeper warns anyone it is given to. An ad-hoc signature
    // cannot carry the hardened runtime without extra entitlements, so that is off then.
    identity: signing.macIdentity ? undefined : '-',
    hardenedRuntime: signing.macIdentity,
    notarize: signing.notarize,
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};

export default config;
