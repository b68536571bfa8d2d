#pragma once

#include <QByteArrayList>
#include <QMimeData>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace app {
class TransferQueue;
} // namespace app

namespace ui {

// What a drag out of the cluster's pane carries. clusterdesk's own panes read the remote paths
// (RemoteFileModel's format); anything else (a file manager, a desktop) asks for file URLs, and
// gets them once the files are downloaded into a local folder.
//
// The drop target asks for the URLs synchronously, in the middle of the drop, so the download is
// waited for there, in a local event loop (the window goes on painting and transferring). The wait
// is bounded: when no byte has arrived for stallLimit (the link is gone and not coming back, or the
// cluster stopped answering), or the queue goes away with its connection, the downloads that did
// not finish are cancelled, nothing is dropped, and failed() says why, for the window to show
// without blocking. Only a QPointer to the queue is kept, checked again after the wait.
class RemoteDragData : public QMimeData
{
public:
    struct Fetch
    {
        QByteArrayList remotePaths;
        std::function<app::TransferQueue *()> queue; // the cluster's queue at the time of the drop
        std::function<QString()> folder;             // where the local copies go
        std::chrono::milliseconds stallLimit{20000};
        std::function<void(const QString &message)> failed;
    };

    explicit RemoteDragData(Fetch fetch);

    QStringList formats() const override;
    bool hasFormat(const QString &type) const override;

protected:
    QVariant retrieveData(const QString &type, QMetaType preferred) const override;

private:
    QList<QUrl> download() const;

    Fetch m_fetch;
    mutable bool m_fetched = false;
    mutable QList<QUrl> m_urls;
};

} // namespace ui
