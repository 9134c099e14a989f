// A participant's view in a pseudo-terminal, as sshd runs a session: forkpty(3), then exec at
// once. In a threaded process (the SSH server's event loop) only async-signal-safe calls may
// run between fork and exec, so both happen here in C, with every string prepared before.
#ifndef TOVHOLDER_CPTY_H
#define TOVHOLDER_CPTY_H
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/// Starts `path` with `argv` and `envp` in a new session whose controlling terminal is a new
/// pty of `cols`×`rows`. Returns the child's pid (-1 on failure) and the pty's master side in
/// `*master`, closed on exec so no later child holds another's terminal open.
static inline pid_t tov_spawn_in_pty(const char *path, char *const argv[], char *const envp[],
                                     unsigned short cols, unsigned short rows, int *master) {
    struct winsize ws = {0};
    ws.ws_col = cols;
    ws.ws_row = rows;
    pid_t pid = forkpty(master, NULL, NULL, &ws);
    if (pid == 0) {
        // The server ignores SIGPIPE and may block signals on its threads: a view starts clean.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        execve(path, argv, envp);
        _exit(127);
    }
    if (pid > 0) fcntl(*master, F_SETFD, FD_CLOEXEC);
    return pid;
}

/// The client's window changed size: the view gets SIGWINCH from the kernel.
static inline int tov_set_window_size(int master, unsigned short cols, unsigned short rows) {
    struct winsize ws = {0};
    ws.ws_col = cols;
    ws.ws_row = rows;
    return ioctl(master, TIOCSWINSZ, &ws);
}

/// The child's end, without waiting: its exit code, 128 + the signal, or -1 while it runs.
static inline int tov_reap(pid_t pid) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r != pid) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}
#endif
