// Signal handling that must be async-signal-safe, in C: the stop signals the run loop acts on,
// and the crash handler that gives the terminal back and keeps the recovery copy before the
// process dies. See sd_signals.c for what each handler may and may not do.
#ifndef SYSDRAFT_SIGNALS_H
#define SYSDRAFT_SIGNALS_H

#include <stddef.h>

// ---- stop signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP) and SIGWINCH --------------------

/// Installs handlers that only record the signal and wake the loop (no SA_RESTART, plus a byte
/// on a self-pipe, so a blocking poll returns at once). Idempotent.
void sd_signals_install(void);
/// Puts the default dispositions back.
void sd_signals_uninstall(void);
/// The oldest stop signal not yet taken (0: none).
int sd_signals_take(void);
/// 1 when the window changed size since the last call.
int sd_signals_take_resize(void);
/// The read end of the self-pipe (-1 before install): readable after any handled signal.
int sd_signals_wake_fd(void);
/// Empties the self-pipe.
void sd_signals_drain_wake(void);
/// Sends a stop signal to the handler as if it had arrived (tests).
void sd_signals_simulate(int sig);

// ---- the crash handler (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE) --------------------

/// Installs the crash handler on an alternate stack (so a stack overflow can still run it).
/// Afterwards the signal takes its default course (the process dies, a core where enabled), or
/// with `chain_previous` goes on to the handler installed before (the Swift runtime's
/// backtracer, which asks for a key on the terminal for 30 s unless told otherwise). Idempotent.
void sd_crash_install(int chain_previous);
/// The bytes that give the terminal back (leave the alternate screen, mouse and bracketed paste
/// off, cursor on), written to `fd`; and the terminal modes to restore (`termios` as saved
/// before the program changed them; NULL: none). Copied.
void sd_crash_set_terminal(const char *bytes, size_t length, int fd, const void *termios);
/// The terminal is back to normal: the handler leaves it alone.
void sd_crash_clear_terminal(void);
/// The recovery copy the handler writes if the process dies now: `length` bytes for `path`,
/// through `temporary_path` in the same folder (renamed over `path` once complete).
/// Copied into a preallocated buffer (grown here, never in the handler). 0 on success.
int sd_crash_keep(const void *bytes, size_t length, const char *path, const char *temporary_path);
/// Nothing to keep (the document is saved).
void sd_crash_forget(void);
/// What the handler says on standard error after the terminal is back (copied).
void sd_crash_set_note(const char *note);

#endif
