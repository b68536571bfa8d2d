// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/about/Versions.h"

#include "sshcore/Libssh2Library.h"

#include <QtVersion>

namespace app {

namespace {
// "6.8.2" when run against the Qt it was built with, else "6.8.3 (built with 6.8.2)".
QString withBuildVersion(const QString &runtime, const QString &build)
{
    return runtime == build ? runtime : QStringLiteral("%1 (built with %2)").arg(runtime, build);
}
} // namespace

QList<ComponentVersion> coreComponentVersions()
{
    return {
        {QStringLiteral("clusterdesk"), QStringLiteral(CLUSTERDESK_VERSION)},
        {QStringLiteral("Qt"), withBuildVersion(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {QStringLiteral("libssh2"),
         withBuildVersion(sshcore::Libssh2Library::runtimeVersion(), sshcore::Libssh2Library::buildVersion())},
    };
}

QString versionText(const QString &program, const QList<ComponentVersion> &components)
{
    QString text = program + u' ' + QStringLiteral(CLUSTERDESK_VERSION) + u'\n';
    for (const ComponentVersion &component : components) {
        if (component.name != u"clusterdesk")
            text += QStringLiteral("  %1 %2\n").arg(component.name, component.version);
    }
    return text;
}

} // namespace app
