// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sshcore {
class SftpClient;
class SshConnection;
} // namespace sshcore

namespace app {

class ExtraSessions;

// One big file sent in parts at once: the main connection carries parts, and so does each extra
// session (ExtraSessions) as it comes up; a session that is done takes the next part. Every part
// writes into the same partial file, which is marked as written out of order
// (SftpTransferOptions::UnorderedPartialMode, or UnorderedLocalMode for a download's local file)
// from before the first part until it is complete, so that nobody resumes it from its length. An
// extra session that fails gives its part's rest back to the others and is dropped. Stopped or
// failed, the file is cut back to what is complete from its start and unmarked (when the main
// connection still can), and the last progress is that length: a resume (even after a cut that could
// not be made) continues from there. Complete, it gets its length, time and mode, then is placed.
class SplitTransfer : public QObject
{
    Q_OBJECT

public:
    struct Plan
    {
        bool upload = true;
        QString localFile;     // an upload's source; a download's partial local file
        QByteArray remoteFile; // an upload's partial remote file; a download's source
        quint64 offset = 0;    // complete from the start up to here already
        quint64 size = 0;
        qsizetype bufferSize = 4 << 20;
        std::shared_ptr<std::atomic_bool> stop; // set by the queue: stop soon
        std::optional<qint64> modified;
        std::optional<quint32> permissions; // the complete file's; a usual one if not given
        QByteArray placeAs;
    };
    using Done = std::function<void(const sshcore::Result<quint64> &)>;
    using Progress = std::function<void(quint64 bytes, quint64 total)>;

    SplitTransfer(sshcore::SftpClient *main, ExtraSessions *extras, Plan plan, QObject *parent = nullptr);
    ~SplitTransfer() override;

    // done is called once, last; this object may be deleted from there.
    void start(Done done, Progress progress);
    // Parts carried by extra sessions so far.
    int partsOnExtraSessions() const { return m_partsOnExtras; }

    // Parts of this size (at least, but far fewer than the sessions could take).
    static quint64 partSize(quint64 bytes, int sessions);

private:
    struct Part
    {
        quint64 begin = 0;
        quint64 end = 0;
        quint64 complete = 0; // from begin up to here
        enum class State { Pending, Running, Done } state = State::Pending;
    };

    void prepare();
    void assign();
    void runPart(int index, sshcore::SshConnection *extra);
    void partEnded(int index, bool onExtra, sshcore::SshConnection *extra, const sshcore::Result<quint64> &result);
    void maybeEnd();
    void finish();
    void cutBack();
    quint64 contiguous() const;
    void reportProgress();
    bool stopping() const;
    // An empty part on the main connection: the file's length and mode (see SftpTransferOptions).
    void setLengthAndMode(quint64 length, std::optional<quint32> mode, std::optional<qint64> modified,
                          const QByteArray &placeAs, std::function<void(const sshcore::Result<quint64> &)> then);

    sshcore::SftpClient *m_main;
    QPointer<ExtraSessions> m_extras;
    Plan m_plan;
    Done m_done;
    Progress m_progress;
    std::vector<Part> m_parts;
    std::vector<std::unique_ptr<sshcore::SftpClient>> m_clients; // for the extra sessions' parts
    std::vector<QPointer<sshcore::SshConnection>> m_lent;        // extra sessions carrying a part now
    std::shared_ptr<std::atomic_bool> m_partsStop = std::make_shared<std::atomic_bool>(false);
    QTimer m_watchStop; // the queue's stop, passed on to the parts
    bool m_mainBusy = false;
    bool m_started = false; // the partial file is prepared
    bool m_ending = false;
    int m_running = 0;
    int m_partsOnExtras = 0;
    std::optional<sshcore::Error> m_error;
};

} // namespace app
