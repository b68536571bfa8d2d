// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayList>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace app {
class ClusterConnection;
class TransferQueue;
} // namespace app

namespace ui {

// One drag out of the cluster's pane towards the desktop: its files, downloading from the moment
// the drag begins into a folder of its own, through the cluster's transfer queue (so they show in
// Transfers, and wait and resume across a lost link like any download).
//
// A drop target asks for the files' URLs in the middle of its drop and must get an answer at once:
// completeUrls() names only what has completely arrived (the queue writes each file under a hidden
// temporary name and renames it into place when complete, and a folder is named only once all of it
// is there), and never waits. What is not complete then is the person's to fetch from folder() when
// it is done: the drop is "asked" from then on, and the Files area shows a DragDownloadBox.
//
// The drag ending (dragEnded(), when its data goes) decides what happens to the downloads:
//  - no drop asked for the files (dropped nowhere, cancelled with Escape, or dropped on one of
//    clusterdesk's own panes, which read the remote paths and queue their own download): nobody will
//    ever look in the folder, so the downloads are cancelled and the folder removed;
//  - a drop asked: they go on until they end, and the folder stays as long as the Files area.
// Either way the object deletes itself once nothing is left for it to do; the Files area's
// destruction (which removes every drag's folder) cancels what still runs.
class DragDownload : public QObject
{
    Q_OBJECT

public:
    enum class Link {
        Up,
        Down,   // lost, being restored: the downloads wait and resume
        Closed, // closed or failed: the downloads wait in the queue until the cluster is connected again
        Gone,   // the connection (and its queue) was removed: the downloads stopped
    };

    struct Item
    {
        enum class State { Downloading, Done, Failed, Stopped };
        QString name;
        State state = State::Downloading;
        quint64 bytesDone = 0;
        quint64 bytesTotal = 0; // 0 while the size is not known yet
        QString error;          // Failed, Stopped: why
    };

    // folder: an empty folder of this drag's own (empty string: there is none, problem() says so).
    DragDownload(app::ClusterConnection *connection, const QByteArrayList &remotePaths, const QString &folder,
                 QObject *parent);
    ~DragDownload() override;

    QString folder() const { return m_folder; }
    QList<Item> items() const { return m_items; }
    Link link() const { return m_link; }
    QString linkMessage() const { return m_linkMessage; }
    // Why nothing could be started at all; empty normally.
    QString problem() const { return m_problem; }
    bool asked() const { return m_asked; }
    bool allEnded() const;
    bool allDone() const;
    // The transfer queue's jobs, one per dragged path (none if nothing could start).
    QList<int> jobs() const { return m_jobs; }

    // A drop target's question: the URLs of what has completely arrived, at once. Marks the drag as
    // dropped; the first time something is still missing, incomplete() is emitted (queued).
    QList<QUrl> completeUrls();
    // The drag's data is gone: see the class comment.
    void dragEnded();

Q_SIGNALS:
    void changed();
    // A drop asked while some files were not complete: the person must be told where they will be.
    void incomplete();
    // An asked drag whose downloads all ended.
    void ended();

private:
    void refresh();
    void updateLink();
    void cleanUpWhenSettled();

    QPointer<app::ClusterConnection> m_connection;
    QPointer<app::TransferQueue> m_queue;
    QByteArrayList m_remotePaths;
    QString m_folder;
    QString m_problem;
    QList<int> m_jobs; // parallel to m_items
    QList<Item> m_items;
    Link m_link = Link::Gone;
    QString m_linkMessage;
    bool m_asked = false;
    bool m_toldIncomplete = false;
    bool m_dragEnded = false;
    bool m_cleaning = false;
    bool m_toldEnded = false;
};

} // namespace ui
