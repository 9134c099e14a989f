// statfs(2) and its f_type: Swift's Glibc module does not include <sys/vfs.h>.
// Used to warn when a session file is on a network file system. And inotify(7), by which a
// terminal wakes when another process writes the session instead of polling it.
#ifndef TOVHOLDER_CSTATFS_H
#define TOVHOLDER_CSTATFS_H
#ifdef __linux__
#include <sys/vfs.h>
#include <sys/inotify.h>
#else
#include <sys/param.h>
#include <sys/mount.h>
#endif
#endif
