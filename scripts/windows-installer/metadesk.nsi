; The Windows installer: Metadesk_<version>_x64-setup.exe, built with Debian's NSIS (makensis 3.08,
; amd64-unicode stubs) by scripts/windows-installer/build.sh, which passes the -D defines below.
; Per user, no administrator prompt: the app, metadesk-cli and WebView2Loader.dll go to
; %LOCALAPPDATA%\Programs\Metadesk, with a Start-menu shortcut, an optional desktop shortcut, an
; optional entry on the user's PATH and an entry in "Installed apps". Installing over an earlier
; version upgrades it in place and keeps its choices; the uninstaller keeps the user's data
; (connections in Windows Credential Manager, runs, settings, logs) unless asked to remove it.
;
; Silent use (IT): setup.exe /S [/DESKTOPSHORTCUT] [/ADDTOPATH] [/D=C:\folder, last]
;                  uninstall.exe /S [/REMOVEDATA]
;
; Not here: the words (strings.nsh), the PATH edits (path.nsh), the removal of the user's data
; (userdata.nsh), the WebView2 check (webview2.nsh), the MSI (metadesk.wxs).
;
; Defines: VERSION (0.1.0), VERSION4 (0.1.0.0), PUBLISHER, COPYRIGHT, DESCRIPTION, PAYLOAD (a
; folder with metadesk.exe, metadesk-cli.exe, WebView2Loader.dll), ICON, WELCOME (the welcome
; and finish pages' picture), PROFILE (the name of
; the app's data folders and of its Credential Manager entries: com.metadesk.desktop, or
; com.metadesk.desktop.dev for a debug build), OUTFILE, COMPRESSOR (lzma or zlib), and
; SIGN_UNINSTALLER (a command signing the file %1 in place) when the build is signed.

Unicode true
; A 64-bit installer for a 64-bit app (a 32-bit one cannot even start under this machine's Wine).
Target amd64-unicode
RequestExecutionLevel user
ManifestDPIAware true
SetCompressor /SOLID /FINAL ${COMPRESSOR}

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include Sections.nsh
!include WinMessages.nsh

!define APP_NAME "Metadesk"
!define APP_EXE "metadesk.exe"
!define CLI_EXE "metadesk-cli.exe"
!define LOADER_DLL "WebView2Loader.dll"
!define UNINSTALLER "uninstall.exe"
; The "Installed apps" entry and the installer's own settings (install folder, choices made).
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define SETTINGS_KEY "Software\${APP_NAME}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
; An upgrade goes where the earlier version is.
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${COPYRIGHT}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"

!ifdef SIGN_UNINSTALLER
  ; The uninstaller is made at compile time and signed like the rest (NSIS 3.08+).
  !uninstfinalize '${SIGN_UNINSTALLER}' = 0
!endif

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_WELCOMEFINISHPAGE_BITMAP "${WELCOME}"
!define MUI_ABORTWARNING
!define MUI_CUSTOMFUNCTION_GUIINIT OfferWebView2
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunApp)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "$(UnComponentsTop)"
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows' display language picks the other.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

!include "webview2.nsh"
!include "strings.nsh"
!include "path.nsh"
!include "userdata.nsh"

Section "$(SecApp)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade overwrites the files in place (a running Metadesk makes Windows refuse: Setup
  ; then offers to retry once it is closed).
  File "${PAYLOAD}\${APP_EXE}"
  File "${PAYLOAD}\${CLI_EXE}"
  File "${PAYLOAD}\${LOADER_DLL}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  Call LogWebView2

  ; Straight in Programs, not in a folder of its own: Microsoft's advice for a single app.
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Comments" "${DESCRIPTION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section /o "$(SecPath)" SecPath
  Call AddInstDirToPath
SectionEnd

; Runs after the sections: records the choices an upgrade keeps, and undoes one unticked now.
Section "-choices"
  ${If} ${SectionIsSelected} ${SecDesktop}
    WriteRegDWORD HKCU "${SETTINGS_KEY}" "DesktopShortcut" 1
  ${Else}
    Delete "$DESKTOP\${APP_NAME}.lnk"
    DeleteRegValue HKCU "${SETTINGS_KEY}" "DesktopShortcut"
  ${EndIf}
  ${IfNot} ${SectionIsSelected} ${SecPath}
    ReadRegDWORD $0 HKCU "${SETTINGS_KEY}" "AddedToPath"
    ${If} $0 = 1
      StrCpy $PathEntry "$INSTDIR"
      Call RemoveInstDirFromPath
    ${EndIf}
  ${EndIf}
SectionEnd

Function .onInit
  ; An upgrade starts from the choices made last time; the command line can add to them.
  ReadRegDWORD $0 HKCU "${SETTINGS_KEY}" "DesktopShortcut"
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/DESKTOPSHORTCUT" $2
  ${IfNot} ${Errors}
  ${OrIf} $0 = 1
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
  ReadRegDWORD $0 HKCU "${SETTINGS_KEY}" "AddedToPath"
  ClearErrors
  ${GetOptions} $1 "/ADDTOPATH" $2
  ${IfNot} ${Errors}
  ${OrIf} $0 = 1
    !insertmacro SelectSection ${SecPath}
  ${EndIf}
FunctionEnd

Section "un.$(SecApp)" UnSecApp
  SectionIn RO
  ; /REBOOTOK: a file Windows holds open (Metadesk still running) goes at the next restart.
  Delete /REBOOTOK "$INSTDIR\${APP_EXE}"
  Delete /REBOOTOK "$INSTDIR\${CLI_EXE}"
  Delete /REBOOTOK "$INSTDIR\${LOADER_DLL}"
  Delete "$INSTDIR\${UNINSTALLER}"
  ; Only if empty: never a folder's other files.
  RMDir /REBOOTOK "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ReadRegDWORD $0 HKCU "${SETTINGS_KEY}" "AddedToPath"
  ${If} $0 = 1
    ReadRegStr $PathEntry HKCU "${SETTINGS_KEY}" "InstallDir"
    ${If} $PathEntry == ""
      StrCpy $PathEntry "$INSTDIR"
    ${EndIf}
    Call un.RemoveInstDirFromPath
  ${EndIf}
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${If} ${RebootFlag}
    DetailPrint "$(FilesInUse)"
  ${EndIf}
SectionEnd

Section /o "un.$(SecRemoveData)" UnSecRemoveData
  Call un.RemoveUserData
SectionEnd

Function un.onInit
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/REMOVEDATA" $2
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecRemoveData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SecAppInfo)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopInfo)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecPath} "$(SecPathInfo)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecApp} "$(UnSecAppInfo)"
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecRemoveData} "$(SecRemoveDataInfo)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
