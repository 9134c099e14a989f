#ifndef TOVHOLDER_NCURSES_SHIM_H
#define TOVHOLDER_NCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags, so the wide API must be switched on here.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <ncursesw/curses.h>

// C globals and macros Swift cannot import (or that are not concurrency-safe in Swift 6).
static inline WINDOW *tov_stdscr(void) { return stdscr; }
static inline int tov_lines(void) { return LINES; }
static inline int tov_cols(void) { return COLS; }
static inline int tov_colors(void) { return COLORS; }
static inline int tov_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t tov_a_bold(void) { return A_BOLD; }
static inline attr_t tov_a_reverse(void) { return A_REVERSE; }
static inline attr_t tov_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tov_a_dim(void) { return A_DIM; }
static inline attr_t tov_a_normal(void) { return A_NORMAL; }

// Draw one grapheme (given as up to 5 wide chars) with attributes and a colour pair.
static inline int tov_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    // -2: the grapheme itself was refused; ERR from mvadd_wch only means the cursor could
    // not advance past the bottom-right cell, where the character is still drawn.
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return -2;
    return mvadd_wch(y, x, &c);
}


// Signals without Swift in the handler: SIGWINCH, SIGTERM, SIGHUP and SIGINT each write the
// signal's number as one byte to a non-blocking self-pipe (async-signal-safe), which the input
// loop polls beside standard input. SIGPIPE is ignored. Called from one Swift file only
// (NcursesBackend.swift), so the state below exists once.
struct tov_signal_state {
    int pipe[2];
    int installed;
    struct sigaction previous[4];
    struct sigaction previous_sigpipe;
};
static const int tov_caught_signals[4] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT};

// One state, initialised (Swift's importer emits no tentative definitions for file statics).
static inline struct tov_signal_state *tov_signal_state(void) {
    static struct tov_signal_state state = {.pipe = {-1, -1}, .installed = 0};
    return &state;
}

static inline void tov_on_signal(int sig) {
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    ssize_t written = write(tov_signal_state()->pipe[1], &b, 1);  // a full pipe already says enough
    (void)written;
    errno = saved;
}

// Returns the pipe's read end, or -1 (errno set).
static inline int tov_signals_install(void) {
    struct tov_signal_state *st = tov_signal_state();
    if (st->installed) return st->pipe[0];
    if (st->pipe[0] < 0 && pipe(st->pipe) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(st->pipe[i], F_SETFL, fcntl(st->pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(st->pipe[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tov_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // SQLite's reads and writes go on; poll wakes anyway
    sigset_t unblock;
    sigemptyset(&unblock);
    for (int i = 0; i < 4; i++) {
        // Replaces ncurses' own handlers, and a SIGHUP ignored by whoever started us.
        sigaction(tov_caught_signals[i], &sa, &st->previous[i]);
        sigaddset(&unblock, tov_caught_signals[i]);
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &st->previous_sigpipe);
    st->installed = 1;
    return st->pipe[0];
}

// Gives the signals back as they were before (the pipe stays open: a signal arriving in
// between only writes to it).
static inline void tov_signals_restore(void) {
    struct tov_signal_state *st = tov_signal_state();
    if (!st->installed) return;
    for (int i = 0; i < 4; i++) sigaction(tov_caught_signals[i], &st->previous[i], NULL);
    sigaction(SIGPIPE, &st->previous_sigpipe, NULL);
    st->installed = 0;
}

// The terminal's size from the kernel; 0 on success.
static inline int tov_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    if (ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

static inline const char *tov_codeset(void) { return nl_langinfo(CODESET); }
#endif
