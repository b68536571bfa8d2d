// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// render-icons: the build's own renderer of the app icon's PNG sizes for the hicolor theme, so that
// resources/icons/clusterdesk.svg stays the one source (no rsvg, Inkscape or ImageMagick needed).
//
//   render-icons SVG OUTPUT_FOLDER NAME SIZE...
//
// writes OUTPUT_FOLDER/<SIZE>x<SIZE>/apps/NAME.png for each size, rendered by QtSvg straight at that
// size (not scaled down from a big one, so small sizes stay sharp), and exits non-zero with a message
// when the SVG cannot be read or a PNG cannot be written.

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "render-icons: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv); // QSvgRenderer's image readers need one
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.size() < 4)
        return fail(QStringLiteral("usage: render-icons SVG OUTPUT_FOLDER NAME SIZE..."));
    const QString &svg = arguments.at(0);
    const QDir output(arguments.at(1));
    const QString &name = arguments.at(2);

    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return fail(QStringLiteral("%1 is not an SVG image QtSvg can read").arg(svg));
    for (const QString &sizeText : arguments.mid(3)) {
        bool number = false;
        const int size = sizeText.toInt(&number);
        if (!number || size < 1 || size > 4096)
            return fail(QStringLiteral("%1 is not an icon size").arg(sizeText));
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        if (!output.mkpath(folder))
            return fail(QStringLiteral("cannot make %1").arg(output.filePath(folder)));
        const QString path = output.filePath(folder + u'/' + name + QStringLiteral(".png"));
        if (!image.save(path, "PNG"))
            return fail(QStringLiteral("cannot write %1").arg(path));
    }
    return 0;
}
