// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterServerInfo.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;
using sshcore::ErrorKind;
using sshcore::failure;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterServerInfo)
};

} // namespace

sshcore::Result<JupyterServerInfo> parseJupyterServerInfo(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(ErrorKind::Malformed,
                       Tr::tr("The Jupyter server's info file is not valid JSON (%1).")
                           .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                                        : Tr::tr("not an object")));
    const QJsonObject object = document.object();
    if (!object.value(u"sock"_s).toString().isEmpty())
        return failure(ErrorKind::Refused,
                       Tr::tr("The Jupyter server listens on a Unix socket, which clusterdesk cannot reach."));
    const double port = object.value(u"port"_s).toDouble(-1);
    if (port < 1 || port > 65535 || port != qint64(port))
        return failure(ErrorKind::Malformed,
                       Tr::tr("The Jupyter server's info file names no port it listens on (port %1).")
                           .arg(object.value(u"port"_s).toVariant().toString()));
    if (!object.value(u"token"_s).isString())
        return failure(ErrorKind::Malformed, Tr::tr("The Jupyter server's info file has no token."));

    JupyterServerInfo info;
    info.port = quint16(port);
    info.token = object.value(u"token"_s).toString();
    info.host = object.value(u"hostname"_s).toString();
    if (info.host.isEmpty()) // older files: only the URL says where
        info.host = QUrl(object.value(u"url"_s).toString()).host();
    if (info.host.isEmpty())
        return failure(ErrorKind::Malformed,
                       Tr::tr("The Jupyter server's info file does not say which host it is on."));
    info.baseUrl = object.value(u"base_url"_s).toString(u"/"_s);
    if (info.baseUrl.isEmpty())
        info.baseUrl = u"/"_s;
    info.pid = qint64(object.value(u"pid"_s).toDouble(0));
    info.version = object.value(u"version"_s).toString();
    return info;
}

bool isJupyterServerInfoFile(const QString &fileName)
{
    static const QRegularExpression pattern(u"^(jpserver|nbserver)-[0-9]+\\.json$"_s);
    return pattern.match(fileName).hasMatch();
}

} // namespace app
