#include "sshcore/sftp/SftpClient.h"

#include "sshcore/SshConnection.h"
#include "sshcore/session/ResultRelay.h"
#include "sshcore/sftp/SftpOperations.h"

#include <variant>

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

void SftpClient::setAttributes(const QByteArray &path, std::optional<qint64> modified,
                               std::optional<quint32> permissions, QObject *context, Callback<void> callback)
{
    if (refuseWithoutConnection(m_connection, context, callback))
        return;
    LIBSSH2_SFTP_ATTRIBUTES attributes = {};
    if (modified) {
        attributes.flags |= LIBSSH2_SFTP_ATTR_ACMODTIME;
        attributes.atime = static_cast<unsigned long>(*modified);
        attributes.mtime = static_cast<unsigned long>(*modified);
    }
    if (permissions) {
        attributes.flags |= LIBSSH2_SFTP_ATTR_PERMISSIONS;
        attributes.permissions = *permissions & 07777;
    }
    auto call = [path, attributes](LIBSSH2_SFTP *sftp, std::monostate *) mutable {
        return libssh2_sftp_stat_ex(sftp, path.constData(), unsigned(path.size()), LIBSSH2_SFTP_SETSTAT, &attributes);
    };
    auto reply = replyTo<void>(m_connection->workerThread(), context, std::move(callback));
    m_connection->submit(std::make_shared<SftpCallOperation<std::monostate>>(
        SftpSession::Request::Stat, std::move(call), QStringLiteral("set the time and permissions of"), path,
        [reply](const Result<std::monostate> &result) { reply(result ? Result<>() : failure(result.error())); }));
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
