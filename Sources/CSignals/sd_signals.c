// Async-signal-safety, the rules this file keeps:
//
// A handler may only call functions POSIX lists as async-signal-safe (write, open, fsync,
// close, rename, unlink, tcsetattr, sigaction, raise, kill, getpid) and touch
// `volatile sig_atomic_t` flags and memory prepared beforehand. It never allocates, never
// formats, never takes a lock, never calls into Swift (whose runtime allocates and locks).
//
// Stop signals (INT, TERM, HUP, QUIT, TSTP) and WINCH only set a flag and write one byte to a
// self-pipe, so the run loop's poll() wakes at once and the loop does the real work (saving
// the recovery copy, giving the terminal back) in ordinary code.
//
// The crash handler (SEGV, ILL, TRAP, ABRT, BUS, FPE) cannot wait for the loop: the process is
// dying. Everything it writes is prepared in advance by ordinary code:
//   - the terminal-restoring bytes and the saved termios (set when the terminal starts);
//   - the latest encoded recovery copy, in one of two preallocated buffers. The main thread
//     fills the buffer the handler is not using and then publishes it by storing its index in
//     a sig_atomic_t, so the handler always sees a complete copy (the old or the new one),
//     whichever instant the fault comes. Buffers grow (realloc) only in sd_crash_keep, never
//     in the handler;
//   - the note for standard error.
// It writes the copy to a temporary file beside the recovery file and renames it over, as
// AtomicFile does (a half-written copy never replaces a good one). It runs on an alternate
// stack so a stack overflow can run it too. Then it puts the default action back (or, when asked,
// the previous handler: the Swift runtime's backtracer, which by default waits 30 s for a key on
// the terminal — a hang to whoever watches) and lets the signal take its course: a fault raised
// by the kernel happens again when the handler returns; a signal sent by a process is raised again.
#define _GNU_SOURCE
#include "sd_signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// ---- stop signals ---------------------------------------------------------------------------

// Every signal whose default action ends the process without a core file, so the loop keeps the
// edits and gives the terminal back before going (SIGTSTP last: it only suspends).
static const int stop_signals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                   SIGPROF, SIGPIPE, SIGXCPU, SIGXFSZ, SIGTSTP};
enum { STOP_COUNT = sizeof stop_signals / sizeof stop_signals[0] };
static volatile sig_atomic_t stop_pending[STOP_COUNT];
static volatile sig_atomic_t resize_pending;
static int wake_pipe[2] = {-1, -1};
static int stops_installed;

static void wake(void) {
    if (wake_pipe[1] >= 0) {
        char c = 1;
        ssize_t r = write(wake_pipe[1], &c, 1);
        (void)r;  // a full pipe already wakes the loop
    }
}

static void on_stop_signal(int sig) {
    int saved = errno;
    for (int i = 0; i < STOP_COUNT; i++) {
        if (stop_signals[i] == sig) stop_pending[i] = 1;
    }
    if (sig == SIGWINCH) resize_pending = 1;
    wake();
    errno = saved;
}

void sd_signals_install(void) {
    if (stops_installed) return;
    if (wake_pipe[0] < 0 && pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        wake_pipe[0] = wake_pipe[1] = -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking call returns and the loop notices
    for (int i = 0; i < STOP_COUNT; i++) sigaction(stop_signals[i], &sa, NULL);
    sigaction(SIGWINCH, &sa, NULL);
    // The signals must get through even when the parent blocked them.
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < STOP_COUNT; i++) sigaddset(&set, stop_signals[i]);
    sigaddset(&set, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    stops_installed = 1;
}

void sd_signals_uninstall(void) {
    if (!stops_installed) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < STOP_COUNT; i++) sigaction(stop_signals[i], &sa, NULL);
    sigaction(SIGWINCH, &sa, NULL);
    stops_installed = 0;
}

int sd_signals_take(void) {
    // The ones that end the program first, then SIGTSTP.
    for (int i = 0; i < STOP_COUNT; i++) {
        if (stop_pending[i]) {
            stop_pending[i] = 0;
            return stop_signals[i];
        }
    }
    return 0;
}

int sd_signals_take_resize(void) {
    int r = resize_pending;
    resize_pending = 0;
    return r;
}

int sd_signals_wake_fd(void) { return wake_pipe[0]; }

void sd_signals_drain_wake(void) {
    if (wake_pipe[0] < 0) return;
    char buf[64];
    while (read(wake_pipe[0], buf, sizeof buf) > 0) {}
}

void sd_signals_simulate(int sig) { on_stop_signal(sig); }

// ---- the crash handler ----------------------------------------------------------------------

static const int crash_signals[] = {SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSYS};
enum { CRASH_COUNT = sizeof crash_signals / sizeof crash_signals[0], PATH_BYTES = 4096 };

struct slot {
    char *bytes;
    size_t capacity;
    size_t length;
    char path[PATH_BYTES];
    char temporary[PATH_BYTES];
};

static struct slot slots[2];
static volatile sig_atomic_t active_slot = -1;
static char terminal_bytes[512];
static size_t terminal_length;
static int terminal_fd = -1;
static struct termios terminal_modes;
static volatile sig_atomic_t terminal_modes_saved;
static volatile sig_atomic_t terminal_taken;
static char note[1024];
static size_t note_length;
static struct sigaction previous[65];
static int crash_installed;
static int crash_chains;
static volatile sig_atomic_t crashing;

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static void keep_recovery_copy(void) {
    int s = active_slot;
    if (s != 0 && s != 1) return;
    const struct slot *slot = &slots[s];
    if (slot->length == 0 || slot->path[0] == 0) return;
    int fd = open(slot->temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return;
    write_all(fd, slot->bytes, slot->length);
    int ok = fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(slot->temporary, slot->path) != 0) unlink(slot->temporary);
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (!crashing) {  // a fault inside this handler goes straight on to the previous one
        crashing = 1;
        if (terminal_taken) {
            write_all(terminal_fd, terminal_bytes, terminal_length);
            if (terminal_modes_saved) tcsetattr(terminal_fd, TCSANOW, &terminal_modes);
        }
        keep_recovery_copy();
        if (note_length) write_all(STDERR_FILENO, note, note_length);
    }
    if (sig > 0 && sig < 65) {
        if (crash_chains) {
            sigaction(sig, &previous[sig], NULL);
        } else {
            struct sigaction dfl;
            memset(&dfl, 0, sizeof dfl);
            dfl.sa_handler = SIG_DFL;
            sigemptyset(&dfl.sa_mask);
            sigaction(sig, &dfl, NULL);
        }
    }
    // Sent by a process (kill, raise, abort): send it again, now to the previous handler. Raised
    // by the kernel (a bad address, a trap instruction): returning runs the instruction again,
    // which faults again into the previous handler with the original context.
    if (info == NULL || info->si_code <= 0) raise(sig);
}

void sd_crash_install(int chain_previous) {
    crash_chains = chain_previous;
    if (crash_installed) return;
    static char *alternate = NULL;
    size_t size = 64 * 1024;
    if (alternate == NULL) alternate = malloc(size);
    if (alternate != NULL) {
        stack_t ss;
        memset(&ss, 0, sizeof ss);
        ss.ss_sp = alternate;
        ss.ss_size = size;
        sigaltstack(&ss, NULL);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (int i = 0; i < CRASH_COUNT; i++) sigaction(crash_signals[i], &sa, &previous[crash_signals[i]]);
    crash_installed = 1;
}

void sd_crash_set_terminal(const char *bytes, size_t length, int fd, const void *modes) {
    terminal_taken = 0;
    if (length > sizeof terminal_bytes) length = sizeof terminal_bytes;
    memcpy(terminal_bytes, bytes, length);
    terminal_length = length;
    terminal_fd = fd;
    terminal_modes_saved = 0;
    if (modes != NULL) {
        memcpy(&terminal_modes, modes, sizeof terminal_modes);
        terminal_modes_saved = 1;
    }
    terminal_taken = 1;
}

void sd_crash_clear_terminal(void) { terminal_taken = 0; }

int sd_crash_keep(const void *bytes, size_t length, const char *path, const char *temporary_path) {
    if (strlen(path) >= PATH_BYTES || strlen(temporary_path) >= PATH_BYTES) return -1;
    int next = active_slot == 0 ? 1 : 0;
    struct slot *slot = &slots[next];
    if (slot->capacity < length) {
        char *grown = realloc(slot->bytes, length);
        if (grown == NULL) return -1;
        slot->bytes = grown;
        slot->capacity = length;
    }
    memcpy(slot->bytes, bytes, length);
    slot->length = length;
    strcpy(slot->path, path);
    strcpy(slot->temporary, temporary_path);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    active_slot = next;
    return 0;
}

void sd_crash_forget(void) { active_slot = -1; }

void sd_crash_set_note(const char *text) {
    size_t n = strlen(text);
    if (n >= sizeof note) n = sizeof note - 1;
    note_length = 0;
    memcpy(note, text, n);
    note_length = n;
}
