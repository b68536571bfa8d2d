// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace app {

class ClusterConnection;

// One text file on the cluster opened for editing, without the editor: open() reads it (refusing
// what is too big or not text), save() puts new contents back through the connection's transfer
// queue (under a temporary name, renamed into place), keeping the file's mode, so an executable
// script stays executable. The local copy lives in a temporary folder as long as this object.
// The connection is looked up again at each step: a reconnection in between is fine, a closed
// connection is an error.
class RemoteTextFile : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 EditableLimit = 8 << 20; // bytes: bigger files are not opened for editing

    enum class Problem {
        Unreadable, // not found, not allowed, no connection: the message says which
        TooBig,     // over EditableLimit
        NotText,    // has NUL bytes
    };
    Q_ENUM(Problem)

    RemoteTextFile(ClusterConnection *connection, const QByteArray &path, QObject *parent = nullptr);
    ~RemoteTextFile() override;

    QByteArray path() const { return m_path; }
    // The mode bits as last seen on the cluster (e.g. 0755).
    quint32 permissions() const { return m_permissions; }

    // Reads it: opened() with the contents, or openFailed().
    void open();
    // Writes contents back: saved() with an empty error when it is on the cluster.
    void save(const QByteArray &contents);
    bool isSaving() const { return m_saving; }

Q_SIGNALS:
    void opened(const QByteArray &contents);
    void openFailed(app::RemoteTextFile::Problem problem, const QString &message);
    void saved(const QString &error);

private:
    void upload();
    void finishSave(const QString &error);

    QPointer<ClusterConnection> m_connection;
    QByteArray m_path;
    quint32 m_permissions = 0644;
    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_local;
    bool m_saving = false;
};

} // namespace app
