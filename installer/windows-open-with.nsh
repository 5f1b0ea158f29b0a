; Included into the Windows installer by electron-builder (nsis.include in electron-builder.config.mjs).
;
; Cuttings opens the kinds of file it imports, but it must not become the default app for
; them: people open their .txt, .pdf, .html and .docx files elsewhere. electron-builder's own
; file associations would make it the default (they set each extension's default ProgID), so
; on Windows Cuttings registers itself the way Windows documents "Open with" offers instead:
; one ProgID, listed under each extension's OpenWithProgids, and the executable's
; SupportedTypes. SHCTX is the current user's or the machine's classes, as the installer
; chose (per-user or per-machine install). The uninstaller removes exactly these entries.
;
; Keep the list in step with fileAssociations in electron-builder.config.mjs.

!define CUTTINGS_PROGID "Cuttings.Clipping"

!macro cuttingsOpenWith EXT
  WriteRegStr SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${CUTTINGS_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
!macroend

!macro cuttingsForgetOpenWith EXT
  DeleteRegValue SHCTX "Software\Classes\.${EXT}\OpenWithProgids" "${CUTTINGS_PROGID}"
!macroend

!macro cuttingsEachType MACRO
  !insertmacro ${MACRO} "html"
  !insertmacro ${MACRO} "htm"
  !insertmacro ${MACRO} "mhtml"
  !insertmacro ${MACRO} "mht"
  !insertmacro ${MACRO} "webarchive"
  !insertmacro ${MACRO} "eml"
  !insertmacro ${MACRO} "txt"
  !insertmacro ${MACRO} "md"
  !insertmacro ${MACRO} "pdf"
  !insertmacro ${MACRO} "docx"
  !insertmacro ${MACRO} "odt"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${CUTTINGS_PROGID}" "" "Article for Cuttings"
  WriteRegStr SHCTX "Software\Classes\${CUTTINGS_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHCTX "Software\Classes\${CUTTINGS_PROGID}\shell\open" "" "Open with Cuttings"
  WriteRegStr SHCTX "Software\Classes\${CUTTINGS_PROGID}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}" "FriendlyAppName" "Cuttings"
  !insertmacro cuttingsEachType cuttingsOpenWith
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations now, not at the next sign-in.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  !insertmacro cuttingsEachType cuttingsForgetOpenWith
  DeleteRegKey SHCTX "Software\Classes\${CUTTINGS_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
