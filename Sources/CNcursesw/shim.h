// The ncurses surface sysdraft uses, made importable from Swift.
// SwiftPM drops pkg-config's -D flags, so the wide-character API is switched on here.
#ifndef SYSDRAFT_NCURSES_SHIM_H
#define SYSDRAFT_NCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc declares wcwidth only under _XOPEN_SOURCE; the terminal's idea of a character's width.
extern int wcwidth(wchar_t c);
static inline int sd_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// Globals and macros that do not import into Swift 6, read through functions.
static inline WINDOW *sd_stdscr(void) { return stdscr; }
static inline int sd_lines(void) { return LINES; }
static inline int sd_cols(void) { return COLS; }
static inline int sd_colors(void) { return COLORS; }
static inline int sd_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t sd_a_bold(void) { return A_BOLD; }
static inline attr_t sd_a_reverse(void) { return A_REVERSE; }
static inline attr_t sd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sd_a_dim(void) { return A_DIM; }
static inline attr_t sd_a_italic(void) { return A_ITALIC; }
static inline attr_t sd_a_normal(void) { return A_NORMAL; }
static inline int sd_key_resize(void) { return KEY_RESIZE; }
static inline int sd_key_mouse(void) { return KEY_MOUSE; }
static inline int sd_err(void) { return ERR; }
/// Makes the next refresh repaint the whole screen (after resume, Ctrl-L).
static inline void sd_force_repaint(void) { clearok(curscr, TRUE); }
static inline int sd_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t sd_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t sd_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t sd_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t sd_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t sd_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Puts one cell: a base character plus up to 4 combining marks, with attributes and colour pair.
static inline int sd_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &c);
}

// Where ncurses believes the terminal's cursor is (after a refresh).
static inline int sd_cursor_y(void) { return getcury(curscr); }
static inline int sd_cursor_x(void) { return getcurx(curscr); }
/// Moves the terminal's cursor through ncurses, which then knows where it is.
static inline int sd_mvcur(int oy, int ox, int y, int x) { return mvcur(oy, ox, y, x); }
/// Sets the terminal's attributes and colour pair through ncurses, which then knows them.
static inline int sd_vid_attr(attr_t attrs, short pair) { return vid_attr(attrs, pair, NULL); }
/// Writes text to the terminal at the cursor, through ncurses' output.
static inline int sd_putp(const char *s) { return putp(s); }
/// Sends what ncurses has buffered (a refresh with nothing changed only flushes).
static inline void sd_flush_output(void) { doupdate(); fflush(stdout); }

// The window's size from the terminal itself (ioctl is variadic, so it cannot be called from Swift).
#include <sys/ioctl.h>
static inline int sd_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// A terminfo string capability, or "" when the terminal has none.
#include <ncursesw/term.h>
static inline const char *sd_capability(const char *name) {
    char *s = tigetstr((char *)name);
    return (s == NULL || s == (char *)-1) ? "" : s;
}

// What the terminfo entry for `term` says, read without touching the screen (no initscr):
// the number of colours (-1 when it names none) and whether it describes xterm mouse reports
// (kmous). Returns 0 when there is no usable entry for `term`.
static inline int sd_terminfo_probe(const char *term, int fd, int *colors, int *mouse) {
    int err = 0;
    if (setupterm((char *)term, fd, &err) != OK) return 0;
    *colors = tigetnum("colors");
    const char *k = tigetstr("kmous");
    *mouse = (k != NULL && k != (char *)-1 && *k != 0);
    del_curterm(cur_term);
    return 1;
}

#endif
