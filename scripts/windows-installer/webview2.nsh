; The Microsoft Edge WebView2 Runtime, which draws Metadesk's window. Windows 11 has it, and
; Windows 10 nearly always; where it is missing Setup says so when its window opens and offers
; Microsoft's download page (the app, started without it, gives the same advice:
; src-tauri/src/webview2.rs). Setup never downloads or installs it itself.
;
; Found as Microsoft documents it ("Distribute your app and the WebView2 Runtime", detecting the
; runtime): the "pv" value of the runtime's EdgeUpdate client key, per machine (on 64-bit
; Windows under WOW6432Node) or per user; a missing, empty or 0.0.0.0 "pv" means not installed.

!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

; Out: $0 the runtime's version, "" when none is installed.
Function FindWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

; When Setup's window opens (never with /S).
Function OfferWebView2
  Call FindWebView2
  ${If} $0 == ""
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(WebView2Missing)" /SD IDNO IDNO done
    ExecShell "open" "${WEBVIEW2_PAGE}"
    done:
  ${EndIf}
FunctionEnd

; In the install's details (and so in a silent install's, for IT).
Function LogWebView2
  Call FindWebView2
  ${If} $0 == ""
    DetailPrint "$(WebView2MissingDetail)"
  ${Else}
    DetailPrint "$(WebView2Found)"
  ${EndIf}
FunctionEnd
