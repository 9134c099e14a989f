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
#include <unistd.h>
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
static inline int tov_key_f(int n) { return KEY_F(n); }
static inline int tov_key_resize(void) { return KEY_RESIZE; }
static inline int tov_err(void) { return ERR; }
static inline int tov_key_code_yes(void) { return KEY_CODE_YES; }

// Draw one grapheme (given as up to 5 wide chars) with attributes and a colour pair.
static inline int tov_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    // -2: the grapheme itself was refused; ERR from mvadd_wch only means the cursor could
    // not advance past the bottom-right cell, where the character is still drawn.
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return -2;
    return mvadd_wch(y, x, &c);
}

static inline int tov_get_wch(wint_t *out) { return get_wch(out); }

static inline const char *tov_codeset(void) { return nl_langinfo(CODESET); }
#endif
