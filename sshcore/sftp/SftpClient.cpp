#include "sshcore/sftp/SftpClient.h"

#include "sshcore/SshConnection.h"
#include "sshcore/session/ResultRelay.h"
#include "sshcore/sftp/SftpOperations.h"

namespace sshcore {

using namespace detail;

SftpClient::SftpClient(SshConnection *connection)
    : m_connection(connection)
{}

namespace {
template<typename T>
bool refuseWithoutConnection(const QPointer<SshConnection> &connection, QObject *context,
                             const SftpClient::Callback<T> &callback)
{
    if (connection)
        return false;
    QMetaObject::invokeMethod(context, [callback] { callback(failure(QStringLiteral("Not connected."))); },
                              Qt::QueuedConnection);
    return true;
}
} // namespace

void SftpClient::stat(const QByteArray &path, QObject *context, Callback<SftpEntry> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpStatOperation>(
        path, replyTo<SftpEntry>(m_connection->workerThread(), context, std::move(callback))));
}

void SftpClient::list(const QByteArray &directory, QObject *context, Callback<QList<SftpEntry>> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpListOperation>(
        directory, replyTo<QList<SftpEntry>>(m_connection->workerThread(), context, std::move(callback))));
}

void SftpClient::makePath(const QByteArray &path, QObject *context, Callback<void> callback, int mode)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpMakePathOperation>(
        path, mode, replyTo<void>(m_connection->workerThread(), context, std::move(callback))));
}

void SftpClient::remove(const QByteArray &path, bool recursive, QObject *context, Callback<void> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpRemoveOperation>(
        path, recursive, replyTo<void>(m_connection->workerThread(), context, std::move(callback))));
}

void SftpClient::rename(const QByteArray &from, const QByteArray &to, QObject *context, Callback<void> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    m_connection->submit(std::make_shared<SftpRenameOperation>(
        from, to, replyTo<void>(m_connection->workerThread(), context, std::move(callback))));
}

void SftpClient::upload(const QString &localFile, const QByteArray &remoteFile, const SftpTransferOptions &options,
                        QObject *context, Callback<quint64> callback, Progress progress)
{
    transfer(true, localFile, remoteFile, options, context, std::move(callback), std::move(progress));
}

void SftpClient::download(const QByteArray &remoteFile, const QString &localFile, const SftpTransferOptions &options,
                          QObject *context, Callback<quint64> callback, Progress progress)
{
    transfer(false, localFile, remoteFile, options, context, std::move(callback), std::move(progress));
}

void SftpClient::transfer(bool upload, const QString &localFile, const QByteArray &remoteFile,
                          const SftpTransferOptions &options, QObject *context, Callback<quint64> callback,
                          Progress progress)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    ResultRelay *relay = nullptr;
    auto reply = replyTo<quint64>(m_connection->workerThread(), context, std::move(callback), std::move(progress), &relay);
    m_connection->submit(std::make_shared<SftpTransferOperation>(
        upload ? SftpTransferOperation::Direction::Upload : SftpTransferOperation::Direction::Download, localFile,
        remoteFile, options.offset, options.bufferSize, relay, std::move(reply)));
}

} // namespace sshcore
