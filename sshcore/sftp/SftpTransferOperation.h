// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpLanes.h"
#include "sshcore/sftp/SftpOperation.h"

#include <QElapsedTimer>
#include <QFile>

#include <atomic>
#include <map>
#include <optional>

namespace sshcore::detail {

class ResultRelay;

// Streams a local file to a remote one, or back, from an offset (resume), keeping about bufferSize
// bytes of requests in flight, each as large as the server allows; then, if placeAs is given, renames
// the complete file to it (a small file's whole upload is one operation on the worker thread).
class SftpTransferOperation : public SftpOperation
{
public:
    enum class Direction { Upload, Download };
    SftpTransferOperation(Direction direction, QString localPath, QByteArray remotePath, quint64 offset,
                          qsizetype bufferSize, std::shared_ptr<std::atomic_bool> stop, sftp::Attributes attributes,
                          QByteArray placeAs, std::optional<quint64> rangeEnd, ResultRelay *progress,
                          std::function<void(Result<quint64>)> reply);

private:
    void start() override;
    bool advance(LIBSSH2_SESSION *session) override;
    void fail(const Error &why) override;
    void onOpened(const Reply &reply);
    void borrowLanes();
    void acknowledge(quint64 at, quint64 length);
    void keepNoMark();
    void fill();
    void upload();
    void download();
    void stopWith(const Error &error);
    // A local file's call failed: errno says why, and which kind of failure it is.
    void stopWithLocal(const QString &message);
    void maybeClose();
    void explainFailure();
    void finishLocal();
    void place();
    void report();
    void emitProgress(bool force);
    bool emptyRange() const { return m_rangeEnd && *m_rangeEnd == m_offset; }

    Direction m_direction;
    QString m_localPath;
    QByteArray m_remotePath;
    quint64 m_offset;
    qsizetype m_bufferSize;
    std::shared_ptr<std::atomic_bool> m_stop;
    std::optional<qint64> m_setModified; // upload: set on the handle before closing it
    std::optional<quint32> m_setPermissions;
    QByteArray m_placeAs;
    std::optional<quint64> m_rangeEnd; // a part of the file only (SftpTransferOptions::rangeEnd)
    ResultRelay *m_progress;
    std::function<void(Result<quint64>)> m_reply;
    QFile m_local;
    QByteArray m_handle;
    bool m_closing = false;
    bool m_localEnd = false;      // upload: everything read; download: the end of the remote file seen
    bool m_serverFailure = false; // a generic failure while writing: explain it (disk full?)
    bool m_holeAtEnd = false;     // upload: the last block read was zeros and not sent
    bool m_closed = false;        // the close was answered
    std::optional<Error> m_error;
    quint64 m_next = 0;                // the next offset to request
    quint64 m_done = 0;                // bytes acknowledged (upload) or stored (download)
    std::optional<quint64> m_total;    // the file's size, when known
    qsizetype m_inFlight = 0;          // bytes requested and not yet answered
    std::map<quint64, quint32> m_gaps; // download: parts a short reply left out, to ask again
    SftpLanes m_lanes{*this};          // upload: extra channels (none for small files)
    // Upload (and a part of a download): the destination is complete up to here (with lanes or
    // short reads, data beyond it may be missing); parts answered beyond it, by offset.
    quint64 m_prefix = 0;
    std::map<quint64, quint64> m_answeredAhead;
    QElapsedTimer m_sinceProgress;
    QElapsedTimer m_sinceOpen; // the open request's round trip, as a measure of the link's
};

} // namespace sshcore::detail
