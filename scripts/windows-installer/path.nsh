; The user's PATH (HKCU\Environment, "Path"): the install folder added for metadesk-cli when asked,
; and taken out again by the uninstaller (or by an upgrade that no longer asks for it). Every
; other entry is kept as it was.
;
; NSIS strings hold at most NSIS_MAX_STRLEN (1024) characters, and ReadRegStr fails on a longer
; value exactly as on a missing one. A PATH Setup cannot hold whole is never written back
; (that would cut it): it is left alone and the user is told. Not here: the system PATH, which a
; per-user install never touches.
;
; The entry is $PathEntry: the install folder as the installer wrote it (the uninstaller reads
; it back from the installer's settings rather than trusting the folder it was started from).
; The functions use $R0-$R9.

Var PathEntry

!define /math PATH_ROOM ${NSIS_MAX_STRLEN} - 2

!macro PATH_FUNCTIONS UN
  ; Out: $R0 the value ("" when there is none); the error flag set when it cannot be read whole.
  Function ${UN}ReadUserPath
    ClearErrors
    ReadRegStr $R0 HKCU "Environment" "Path"
    ${IfNot} ${Errors}
      Return
    ${EndIf}
    ; Missing, or too long: a missing value is the only case without a "Path" among the names.
    StrCpy $R0 ""
    StrCpy $R1 0
    ${Do}
      ClearErrors
      EnumRegValue $R2 HKCU "Environment" $R1
      ${If} ${Errors}
      ${OrIf} $R2 == ""
        ClearErrors
        Return
      ${EndIf}
      ${If} $R2 == "Path"
        SetErrors
        Return
      ${EndIf}
      IntOp $R1 $R1 + 1
    ${Loop}
  FunctionEnd

  ; In: $R0 a PATH value. Out: $R5 the value without $PathEntry (with or without a final
  ; backslash, in any case; empty entries dropped), $R6 how many times it was there.
  Function ${UN}PathWithoutInstDir
    StrCpy $R5 ""
    StrCpy $R6 0
    StrCpy $R7 0
    StrCpy $R8 ""
    StrLen $R9 $R0
    ${Do}
      StrCpy $R3 0
      ${If} $R7 < $R9
        StrCpy $R4 $R0 1 $R7
        IntOp $R7 $R7 + 1
        ${If} $R4 != ";"
          StrCpy $R8 "$R8$R4"
          ${Continue}
        ${EndIf}
      ${Else}
        StrCpy $R3 1
      ${EndIf}
      ; An entry is complete: at a ";" or at the end.
      ${If} $R8 == "$PathEntry"
      ${OrIf} $R8 == "$PathEntry\"
        IntOp $R6 $R6 + 1
      ${ElseIf} $R8 != ""
        ${If} $R5 == ""
          StrCpy $R5 "$R8"
        ${Else}
          StrCpy $R5 "$R5;$R8"
        ${EndIf}
      ${EndIf}
      StrCpy $R8 ""
      ${If} $R3 = 1
        ${ExitDo}
      ${EndIf}
    ${Loop}
  FunctionEnd

  Function ${UN}RemoveInstDirFromPath
    Call ${UN}ReadUserPath
    ${If} ${Errors}
      DetailPrint "$(PathTooLongUn)"
      Return
    ${EndIf}
    Call ${UN}PathWithoutInstDir
    ${If} $R6 > 0
      ${If} $R5 == ""
        DeleteRegValue HKCU "Environment" "Path"
      ${Else}
        WriteRegExpandStr HKCU "Environment" "Path" "$R5"
      ${EndIf}
      ; Windows and the programs started from now on read the new PATH.
      SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
      DetailPrint "$(PathRemoved)"
    ${EndIf}
    DeleteRegValue HKCU "${SETTINGS_KEY}" "AddedToPath"
  FunctionEnd
!macroend

!insertmacro PATH_FUNCTIONS ""
!insertmacro PATH_FUNCTIONS "un."

Function AddInstDirToPath
  StrCpy $PathEntry "$INSTDIR"
  Call ReadUserPath
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(PathTooLong)" /SD IDOK
    DetailPrint "$(PathTooLong)"
    Return
  ${EndIf}
  Call PathWithoutInstDir
  ${If} $R6 = 0
    StrLen $R1 "$R0"
    StrLen $R2 "$PathEntry"
    IntOp $R1 $R1 + $R2
    ; The value, a ";" and the terminating zero must fit.
    ${If} $R1 >= ${PATH_ROOM}
      MessageBox MB_OK|MB_ICONEXCLAMATION "$(PathTooLong)" /SD IDOK
      DetailPrint "$(PathTooLong)"
      Return
    ${EndIf}
    StrCpy $R3 $R0 1 -1
    ${If} $R0 == ""
      StrCpy $R1 "$PathEntry"
    ${ElseIf} $R3 == ";"
      StrCpy $R1 "$R0$PathEntry"
    ${Else}
      StrCpy $R1 "$R0;$PathEntry"
    ${EndIf}
    WriteRegExpandStr HKCU "Environment" "Path" "$R1"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
    DetailPrint "$(PathAdded)"
  ${EndIf}
  WriteRegDWORD HKCU "${SETTINGS_KEY}" "AddedToPath" 1
FunctionEnd
