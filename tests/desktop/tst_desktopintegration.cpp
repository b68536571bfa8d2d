// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop integration as a desktop finds it once installed (run through run-installed: the CMake
// component "desktop" installed into a temporary prefix, its MIME database built by
// update-mime-database, the prefix first in XDG_DATA_DIRS): the job scripts' MIME types recognised
// by name with their parent and comment, the app icon found through the icon theme in every size
// and drawn from the installed PNG, the built-in icon when the theme has none, and the installed
// tree valid for AppStream (metainfo, desktop entry and icon together).

#include "ui/widgets/Icons.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The mean difference of two images of one size, per pixel and channel (alpha included), 0 to 255.
double meanDifference(const QImage &first, const QImage &second)
{
    const QImage a = first.convertToFormat(QImage::Format_ARGB32);
    const QImage b = second.convertToFormat(QImage::Format_ARGB32);
    double total = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            total += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q))
                     + std::abs(qAlpha(p) - qAlpha(q));
        }
    }
    return total / (4.0 * a.width() * a.height());
}

} // namespace

class tst_DesktopIntegration : public QObject
{
    Q_OBJECT

    QString m_prefix;

    QString installed(const QString &path) const { return m_prefix + u"/share/"_s + path; }

private Q_SLOTS:
    void initTestCase()
    {
        m_prefix = qEnvironmentVariable("CLUSTERDESK_INSTALLED");
        QVERIFY2(!m_prefix.isEmpty(), "run this through tests/desktop/run-installed");
        QVERIFY(QFileInfo::exists(installed(u"applications/io.github.clusterdesk.ClusterDesk.desktop"_s)));
        QVERIFY(QFileInfo::exists(installed(u"metainfo/io.github.clusterdesk.ClusterDesk.metainfo.xml"_s)));
    }

    void jobScriptTypes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("comment");
        QTest::newRow("sbatch") << u"train.sbatch"_s << u"application/x-slurm-script"_s << u"Slurm job script"_s;
        QTest::newRow("slurm") << u"train.slurm"_s << u"application/x-slurm-script"_s << u"Slurm job script"_s;
        QTest::newRow("pbs") << u"train.pbs"_s << u"application/x-pbs-script"_s << u"PBS job script"_s;
        QTest::newRow("lsf") << u"train.lsf"_s << u"application/x-lsf-script"_s << u"LSF job script"_s;
    }

    void jobScriptTypes()
    {
        QFETCH(QString, file);
        QFETCH(QString, type);
        QFETCH(QString, comment);
        // Built by update-mime-database from the installed package file, as on a real system.
        QVERIFY(QFileInfo::exists(installed(u"mime/mime.cache"_s)));
        QVERIFY(QFileInfo::exists(installed(u"mime/application/%1.xml"_s.arg(type.section(u'/', 1)))));
        const QMimeDatabase database;
        const QMimeType mime = database.mimeTypeForFile(file, QMimeDatabase::MatchExtension);
        QCOMPARE(mime.name(), type);
        QVERIFY(mime.inherits(u"application/x-shellscript"_s));
        QVERIFY(mime.inherits(u"text/plain"_s)); // so text editors still offer to open it
        QCOMPARE(mime.comment(), comment);
    }

    // What the desktop entry and the metainfo declare is what the MIME package defines, no more, no less.
    void declaredTypesAreDefined()
    {
        QFile entry(installed(u"applications/io.github.clusterdesk.ClusterDesk.desktop"_s));
        QVERIFY(entry.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList declared;
        for (const QByteArray &line : entry.readAll().split('\n')) {
            if (line.startsWith("MimeType="))
                declared = QString::fromUtf8(line.mid(9)).split(u';', Qt::SkipEmptyParts);
            if (line.startsWith("Exec="))
                QCOMPARE(line, QByteArray("Exec=clusterdesk %F"));
        }
        declared.sort();
        const QStringList ours{u"application/x-lsf-script"_s, u"application/x-pbs-script"_s,
                               u"application/x-slurm-script"_s};
        QCOMPARE(declared, ours);
        QFile metainfo(installed(u"metainfo/io.github.clusterdesk.ClusterDesk.metainfo.xml"_s));
        QVERIFY(metainfo.open(QIODevice::ReadOnly));
        const QByteArray xml = metainfo.readAll();
        const QMimeDatabase database;
        for (const QString &type : ours) {
            QVERIFY2(database.mimeTypeForName(type).isValid(), qPrintable(type));
            QVERIFY2(xml.contains(QByteArray("<mediatype>" + type.toUtf8() + "</mediatype>")), qPrintable(type));
        }
    }

    void otherScriptsStayShellScripts()
    {
        const QMimeDatabase database;
        QCOMPARE(database.mimeTypeForFile(u"job.sh"_s, QMimeDatabase::MatchExtension).name(),
                 u"application/x-shellscript"_s);
    }

    void iconThroughTheTheme()
    {
        QVERIFY2(QIcon::hasThemeIcon(ui::appIconName()),
                 qPrintable(u"not in the theme %1 under %2"_s.arg(QIcon::themeName(),
                                                                  QIcon::themeSearchPaths().join(u", "_s))));
        const QIcon icon = ui::appIcon();
        QCOMPARE(icon.name(), ui::appIconName());
        const QList<QSize> available = icon.availableSizes();
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString path = installed(
                u"icons/hicolor/%1x%1/apps/io.github.clusterdesk.ClusterDesk.png"_s.arg(size));
            const QImage png(path);
            QCOMPARE(png.size(), QSize(size, size));
            // Drawn, not empty: the middle of the icon is the opaque background.
            QCOMPARE(qAlpha(png.pixel(size / 2, size / 2 + size / 8)), 255);
            QVERIFY2(available.contains(QSize(size, size)), qPrintable(u"no %1 px icon in the theme"_s.arg(size)));
            // The theme draws that icon at that size: from the PNG, or from the SVG where its index.theme
            // makes Qt prefer the scalable folder or a neighbouring size (24 px scaled to 22: about 15
            // levels off at the edges). Another icon, or none, is off by well over 100.
            const QImage drawn = icon.pixmap(QSize(size, size), 1.0).toImage();
            QCOMPARE(drawn.size(), png.size());
            const double difference = meanDifference(drawn, png);
            QVERIFY2(difference < 24,
                     qPrintable(u"the theme's %1 px icon differs from %2 by %3 per channel"_s.arg(size).arg(path).arg(
                         difference)));
        }
        QVERIFY(QFileInfo::exists(installed(u"icons/hicolor/scalable/apps/io.github.clusterdesk.ClusterDesk.svg"_s)));
    }

    void builtInIconWithoutTheTheme()
    {
        const QStringList paths = QIcon::themeSearchPaths();
        QIcon::setThemeSearchPaths({QDir::tempPath() + u"/no-such-icons"_s});
        QVERIFY(!QIcon::hasThemeIcon(ui::appIconName()));
        const QImage image = ui::appIcon().pixmap(QSize(64, 64), 1.0).toImage();
        QIcon::setThemeSearchPaths(paths);
        QCOMPARE(image.size(), QSize(64, 64));
        QCOMPARE(qAlpha(image.pixel(32, 40)), 255);
    }

    void installedTreeIsValidAppStream()
    {
        QProcess validate;
        validate.setProcessChannelMode(QProcess::MergedChannels);
        validate.start(u"appstreamcli"_s, {u"validate-tree"_s, u"--no-net"_s, u"--pedantic"_s, m_prefix});
        if (!validate.waitForStarted())
            QSKIP("appstreamcli is not installed");
        QVERIFY(validate.waitForFinished(60000));
        const QString output = QString::fromUtf8(validate.readAll());
        QVERIFY2(validate.exitCode() == 0, qPrintable(output));
        // Nothing more than the pedantic note that the app id has capital letters: the id is the
        // desktop file's name, which desktops remember (menus, favourites), so it stays.
        for (const QString &line : output.split(u'\n')) {
            if (line.size() > 2 && line.at(1) == u':' && QStringLiteral("EWIP").contains(line.at(0)))
                QVERIFY2(line.contains(u"cid-contains-uppercase-letter"_s), qPrintable(output));
        }
    }
};

QTEST_MAIN(tst_DesktopIntegration)
#include "tst_desktopintegration.moc"
