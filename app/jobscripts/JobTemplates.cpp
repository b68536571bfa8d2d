// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/JobTemplates.h"

#include "app/jobscripts/JobScript.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobTemplates)
};

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The title a saved template was given: its file name, with what fileNameFor() escaped restored.
QString titleOf(const QString &fileName)
{
    QString base = fileName;
    if (base.endsWith(QLatin1StringView(".sh")))
        base.chop(3);
    return QUrl::fromPercentEncoding(base.toUtf8());
}

} // namespace

JobTemplates::JobTemplates(QString userFolder)
    : m_folder(std::move(userFolder))
{}

QString JobTemplates::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/templates");
}

QList<JobTemplate> JobTemplates::shipped()
{
    QList<JobTemplate> templates;
    QFile index(QStringLiteral(":/clusterdesk/templates/templates.json"));
    if (!index.open(QIODevice::ReadOnly))
        return templates;
    const QJsonArray entries = QJsonDocument::fromJson(index.readAll()).array();
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        JobTemplate shippedTemplate;
        shippedTemplate.id = entry.value(u"id").toString();
        shippedTemplate.title = Tr::tr(qPrintable(entry.value(u"title").toString()));
        shippedTemplate.description = entry.value(u"description").toString();
        shippedTemplate.text = readText(QStringLiteral(":/clusterdesk/templates/") + entry.value(u"file").toString());
        shippedTemplate.scheduler = JobScript::parse(shippedTemplate.text).scheduler();
        templates.append(shippedTemplate);
    }
    return templates;
}

QList<JobTemplate> JobTemplates::saved() const
{
    QList<JobTemplate> templates;
    const QFileInfoList files = QDir(m_folder).entryInfoList({QStringLiteral("*.sh")}, QDir::Files | QDir::Readable);
    for (const QFileInfo &info : files) {
        JobTemplate userTemplate;
        userTemplate.id = info.fileName();
        userTemplate.title = titleOf(info.fileName());
        userTemplate.text = readText(info.absoluteFilePath());
        userTemplate.scheduler = JobScript::parse(userTemplate.text).scheduler();
        userTemplate.description = Tr::tr("Saved on %1")
                                       .arg(QLocale().toString(info.lastModified(), QLocale::ShortFormat));
        userTemplate.isUsers = true;
        userTemplate.path = info.absoluteFilePath();
        templates.append(userTemplate);
    }
    std::sort(templates.begin(), templates.end(), [](const JobTemplate &a, const JobTemplate &b) {
        return QString::localeAwareCompare(a.title, b.title) < 0;
    });
    return templates;
}

QList<JobTemplate> JobTemplates::all() const
{
    return shipped() + saved();
}

QString JobTemplates::fileNameFor(const QString &title)
{
    // Percent-encoding keeps every title distinct and makes no name a file system refuses ("/", NUL,
    // a leading dot, "..").
    QByteArray encoded = QUrl::toPercentEncoding(title.trimmed(), " ()+,-_");
    if (encoded.startsWith('.'))
        encoded.replace(0, 1, "%2E");
    return QString::fromLatin1(encoded.left(200)) + QStringLiteral(".sh");
}

Result<JobTemplate> JobTemplates::save(const QString &title, const QString &text) const
{
    if (title.trimmed().isEmpty())
        return failure(Tr::tr("Give the template a name."));
    if (!QDir().mkpath(m_folder))
        return failure(Tr::tr("Cannot make the templates folder %1.").arg(QDir::toNativeSeparators(m_folder)));
    const QString path = m_folder + u'/' + fileNameFor(title);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return failure(
            Tr::tr("Cannot save the template to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QList<JobTemplate> templates = saved();
    const auto found = std::find_if(templates.begin(), templates.end(), [&](const JobTemplate &candidate) {
        return candidate.path == QFileInfo(path).absoluteFilePath();
    });
    if (found == templates.end())
        return failure(
            Tr::tr("The template was saved to %1 but cannot be read back.").arg(QDir::toNativeSeparators(path)));
    return *found;
}

Result<void> JobTemplates::remove(const JobTemplate &userTemplate) const
{
    if (!userTemplate.isUsers || QFileInfo(userTemplate.path).absolutePath() != QFileInfo(m_folder).absoluteFilePath())
        return failure(Tr::tr("Only templates you saved can be deleted."));
    QFile file(userTemplate.path);
    if (!file.remove())
        return failure(
            Tr::tr("Cannot delete %1: %2").arg(QDir::toNativeSeparators(userTemplate.path), file.errorString()));
    return {};
}

} // namespace app
