// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/jobs/Poller.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>

namespace sshcore {
struct CommandResult;
}

namespace app {

class SchedulerClient;

// Follows a job's output file on the cluster as it grows, like tail -f: every interval one short
// command prints the file's size and identity and the bytes after what was already read (at most
// 1 MiB a time). Starts from the file's last bytes (the view shows the tail), starts over when the
// file shrinks or is replaced, and keeps only the last few MiB in memory.
//
// Small reads go through the connection's persistent shell (no new process on the server every
// two seconds); a large backlog gets a channel of its own, so the job list's queries, which share
// that shell, are never held up behind a megabyte of output.
class OutputFollower : public QObject
{
    Q_OBJECT

public:
    explicit OutputFollower(SchedulerClient *client, QObject *parent = nullptr);

    // The remote file (expanded already: see OutputPatterns). Setting another one starts over.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    // Every two seconds by default, counted from the last answer.
    void setInterval(std::chrono::milliseconds interval) { m_poller.setInterval(interval); }
    // How much of the output is kept (the tail); also how much of an existing file is read first.
    void setKeepBytes(qsizetype bytes);

    void start() { m_poller.start(); }
    void stop() { m_poller.stop(); }
    bool isActive() const { return m_poller.isActive(); }
    // Reads what is new now (or right after the read under way).
    void poll() { m_poller.trigger(); }

    // The kept tail of the output, and where in the file it ends.
    const QByteArray &text() const { return m_text; }
    qint64 offset() const { return m_offset; }

    static constexpr qsizetype MaxReadBytes = 1024 * 1024;
    static constexpr qsizetype DefaultKeepBytes = 4 * 1024 * 1024;

Q_SIGNALS:
    void appended(const QByteArray &bytes);
    // The file shrank or was replaced: text() is empty, reading starts over.
    void reset();
    // The file cannot be read (yet): a message for the user. Polling goes on.
    void problem(const QString &message);

private:
    void read();
    QByteArray command() const;
    void answered(const sshcore::CommandResult &result);
    void report(const QString &message);
    void startOver();

    QPointer<SchedulerClient> m_client;
    Poller m_poller;
    QString m_path;
    qsizetype m_keepBytes = DefaultKeepBytes;
    quint64 m_generation = 0; // which path a read under way is for
    qint64 m_offset = -1;     // -1: not read yet (start from the tail)
    qint64 m_size = 0;        // the file's size at the last read
    QByteArray m_identity;    // device and inode: a replaced file has another
    QByteArray m_text;
    QString m_lastProblem;
};

} // namespace app
