#include "app/transfers/LocalFolders.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

QFuture<QStringList> LocalFolders::make(QThreadPool *pool, const QStringList &folders)
{
    return QtConcurrent::run(pool, [folders] {
        QStringList failed;
        for (const QString &folder : folders) {
            if (!QDir().mkpath(folder))
                failed.append(folder);
        }
        return failed;
    });
}

} // namespace app
