/* bcryptprimitives.dll for Wine 8.0, which has none: Rust's std (1.78 and later) imports
 * ProcessPrng from it for its random numbers (HashMap seeds…), so without it every Rust .exe
 * exits with code 53 before main and prints nothing. This one fills the buffer from advapi32's
 * RtlGenRandom (exported as SystemFunction036), which Wine has. Built with mingw and copied into
 * the private Wine prefix by scripts/cross/windows.sh; never shipped, never used on Windows,
 * where the real DLL is part of the system. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
