; "Also remove my data" in the uninstaller: the app's data folders and its entries in Windows
; Credential Manager, for the profile this installer's binaries use (PROFILE). Nothing else:
; another build's profile (com.metadesk.desktop.dev beside com.metadesk.desktop), a folder given
; with METADESK_HOME, and every other program's credentials are left alone.
;
; Where they are (crates/store/src/dirs.rs and the keyring crate's Windows backend):
;   %APPDATA%\<PROFILE>       connections, runs and their journals, saved scopes, settings
;   %LOCALAPPDATA%\<PROFILE>  logs, thumbnails, the window's WebView2 data
;   Credential Manager        generic credentials named "<key>.<PROFILE>" (keyring's
;                             "{user}.{service}", the service being the profile)

!if "${PROFILE}" == ""
  !error "PROFILE must name the app's data folders"
!endif

; CREDENTIALW's TargetName is its third field, after two 4-byte ones (Flags, Type).
!define CRED_TYPE_GENERIC 1

Function un.RemoveUserData
  RMDir /r "$APPDATA\${PROFILE}"
  StrCpy $0 "$APPDATA\${PROFILE}"
  DetailPrint "$(DataRemoved)"
  RMDir /r "$LOCALAPPDATA\${PROFILE}"
  StrCpy $0 "$LOCALAPPDATA\${PROFILE}"
  DetailPrint "$(DataRemoved)"
  Call un.RemoveSecrets
FunctionEnd

; Deletes every generic credential whose name ends with ".<PROFILE>" (matched case-sensitively,
; as keyring names them). Uses $0-$9.
Function un.RemoveSecrets
  !define /redef SUFFIX ".${PROFILE}"
  StrLen $9 "${SUFFIX}"
  IntOp $9 0 - $9
  ; $1: how many, $2: the array of CREDENTIALW pointers (freed below).
  System::Call 'advapi32::CredEnumerateW(p 0, i 0, *i .r1, *p .r2) i .r0'
  StrCpy $8 0
  ${If} $0 <> 0
    StrCpy $3 0
    ${DoWhile} $3 < $1
      IntPtrOp $4 $3 * ${NSIS_PTR_SIZE}
      IntPtrOp $4 $2 + $4
      System::Call '*$4(p .r5)'
      System::Call '*$5(i, i .r6, w .r7)'
      StrCpy $4 $7 "" $9
      ${If} $6 = ${CRED_TYPE_GENERIC}
      ${AndIf} $4 S== "${SUFFIX}"
        System::Call 'advapi32::CredDeleteW(w r7, i r6, i 0) i .r0'
        ${If} $0 <> 0
          IntOp $8 $8 + 1
        ${EndIf}
      ${EndIf}
      IntOp $3 $3 + 1
    ${Loop}
    System::Call 'advapi32::CredFree(p r2)'
  ${EndIf}
  StrCpy $0 $8
  DetailPrint "$(SecretsRemoved)"
FunctionEnd
