#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

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
    void setInterval(std::chrono::milliseconds interval);
    // How much of the output is kept (the tail); also how much of an existing file is read first.
    void setKeepBytes(qsizetype bytes);

    void start();
    void stop();
    bool isActive() const { return m_active; }
    // Reads what is new now (or right after the read under way).
    void poll();

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
    QByteArray command() const;
    void answered(const sshcore::CommandResult &result);
    void report(const QString &message);
    void startOver();
    void scheduleNext();

    QPointer<SchedulerClient> m_client;
    QTimer m_timer;
    QString m_path;
    std::chrono::milliseconds m_interval{2000};
    qsizetype m_keepBytes = DefaultKeepBytes;
    bool m_active = false;
    bool m_inFlight = false;
    bool m_pollAgain = false;
    quint64 m_generation = 0; // which path a read under way is for
    qint64 m_offset = -1;     // -1: not read yet (start from the tail)
    qint64 m_size = 0;        // the file's size at the last read
    QByteArray m_identity;    // device and inode: a replaced file has another
    QByteArray m_text;
    QString m_lastProblem;
};

} // namespace app
