/* A test helper for the installer checks (scripts/cross/windows/installers.sh), never
 * shipped: lists the generic credentials in Windows Credential Manager (one target name a line)
 * or adds one, so a check can see what the uninstaller left and plant another program's entry
 * it must leave alone. Built with mingw and run under Wine.
 *   credtool list
 *   credtool add TARGET SECRET */
#include <windows.h>
#include <wincred.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc == 2 && wcscmp(argv[1], L"list") == 0) {
        DWORD count = 0;
        PCREDENTIALW *creds = NULL;
        if (!CredEnumerateW(NULL, 0, &count, &creds)) {
            if (GetLastError() == ERROR_NOT_FOUND)
                return 0;
            fprintf(stderr, "CredEnumerateW failed: %lu\n", GetLastError());
            return 1;
        }
        for (DWORD i = 0; i < count; i++)
            if (creds[i]->Type == CRED_TYPE_GENERIC)
                wprintf(L"%ls\n", creds[i]->TargetName);
        CredFree(creds);
        return 0;
    }
    if (argc == 4 && wcscmp(argv[1], L"add") == 0) {
        CREDENTIALW cred;
        memset(&cred, 0, sizeof cred);
        cred.Type = CRED_TYPE_GENERIC;
        cred.TargetName = argv[2];
        cred.CredentialBlobSize = (DWORD)(wcslen(argv[3]) * sizeof(wchar_t));
        cred.CredentialBlob = (LPBYTE)argv[3];
        cred.Persist = CRED_PERSIST_LOCAL_MACHINE;
        if (!CredWriteW(&cred, 0)) {
            fprintf(stderr, "CredWriteW failed: %lu\n", GetLastError());
            return 1;
        }
        return 0;
    }
    fprintf(stderr, "usage: credtool list | credtool add TARGET SECRET\n");
    return 2;
}
