// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMetaType>
#include <QString>

#include <expected>
#include <utility>

namespace sshcore {

// What went wrong, for a program to act on: set where it is known (an SFTP status code, a libssh2
// error code, an exit status, a timer), never guessed from a message's words afterwards.
enum class ErrorKind {
    Other,            // nothing a program could do differently
    LinkLost,         // not connected, or the connection dropped: worth trying again once it is back
    NotFound,         // the file, folder, job or command does not exist
    PermissionDenied, // the server says no to this user
    NoSpace,          // the disk is full or a quota is exceeded
    TimedOut,         // no answer within the time allowed
    Cancelled,        // stopped on purpose (by the user or the program)
    Refused,          // the server understood and refused (a rejected job, a denied channel, a failed login)
    Malformed,        // a reply that could not be understood
};

// An expected failure: its kind, and a message written for the person, saying what happened and
// what to do. Programs decide by kind; the message may be translated without changing behaviour.
struct Error
{
    ErrorKind kind = ErrorKind::Other;
    QString message;

    bool is(ErrorKind what) const { return kind == what; }
    // The same kind with a message put in front ("Jump host x: " + message).
    Error prefixed(const QString &prefix) const { return {kind, prefix + message}; }
    Error withMessage(QString text) const { return {kind, std::move(text)}; }
    bool operator==(const Error &) const = default;
};

// The kind a system error number (errno) means to a program: ENOSPC is NoSpace, EACCES is
// PermissionDenied, ENOENT is NotFound, ETIMEDOUT is TimedOut...
ErrorKind errnoKind(int error);

// Expected failures (refused, unreachable, not found, rejected) are values, not exceptions.
template<typename T = void>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> failure(ErrorKind kind, QString message)
{
    return std::unexpected<Error>(Error{kind, std::move(message)});
}

// A failure no program would treat differently from any other.
inline std::unexpected<Error> failure(QString message)
{
    return failure(ErrorKind::Other, std::move(message));
}

inline std::unexpected<Error> failure(Error error)
{
    return std::unexpected<Error>(std::move(error));
}

} // namespace sshcore

Q_DECLARE_METATYPE(sshcore::Error)
