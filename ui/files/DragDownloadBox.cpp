// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/files/DragDownloadBox.h"

#include "ui/files/DragDownload.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace ui {

using Item = DragDownload::Item;
using Link = DragDownload::Link;

namespace {

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString dataSize(quint64 bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1);
}

} // namespace

DragDownloadBox::DragDownloadBox(DragDownload *download, QWidget *parent)
    : QDialog(parent)
    , m_download(download)
    , m_folder(download->folder())
    , m_icon(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_explanation(wrapped(this))
    , m_linkIcon(new QLabel(this))
    , m_link(wrapped(this))
    , m_linkDetail(wrapped(this))
    , m_linkFrame(new QFrame(this))
    , m_openFolder(new QPushButton(tr("&Open Folder"), this))
{
    setObjectName(QStringLiteral("DragDownloads"));
    setWindowTitle(tr("Dragged to the desktop"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::NonModal);
    setMinimumWidth(560);

    QFont bigger = m_heading->font();
    bigger.setBold(true);
    bigger.setPointSizeF(bigger.pointSizeF() * 1.2);
    m_heading->setFont(bigger);
    m_heading->setTextFormat(Qt::PlainText);
    m_icon->setAlignment(Qt::AlignTop);
    auto *top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(m_icon);
    auto *words = new QVBoxLayout;
    words->addWidget(m_heading);
    words->addWidget(m_explanation);
    top->addLayout(words, 1);

    // One line per dragged file or folder.
    auto *files = new QFrame(this);
    files->setFrameShape(QFrame::StyledPanel);
    files->setBackgroundRole(QPalette::Base);
    files->setAutoFillBackground(true);
    auto *grid = new QGridLayout(files);
    grid->setHorizontalSpacing(12);
    grid->setColumnStretch(1, 1);
    const QList<Item> items = download->items();
    for (qsizetype i = 0; i < items.size(); ++i) {
        Row row{new QLabel(items[i].name, files), new QProgressBar(files), wrapped(files)};
        row.name->setTextFormat(Qt::PlainText);
        row.bar->setMinimumWidth(200);
        row.bar->setRange(0, 1000);
        row.state->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(row.name, int(i), 0);
        grid->addWidget(row.bar, int(i), 1);
        grid->addWidget(row.state, int(i), 2);
        m_rows.append(row);
    }

    auto *folderTitle = new QLabel(tr("Folder:"), this);
    auto *folderPath = new QLabel(m_folder, this);
    folderPath->setTextFormat(Qt::PlainText);
    folderPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *temporary = wrapped(this);
    temporary->setText(tr("A temporary folder: clusterdesk removes it when it quits, so move what you want to keep "
                          "out of it."));
    temporary->setForegroundRole(QPalette::PlaceholderText);
    auto *folderGrid = new QGridLayout;
    folderGrid->addWidget(folderTitle, 0, 0);
    folderGrid->addWidget(folderPath, 0, 1);
    folderGrid->addWidget(temporary, 1, 1);
    folderGrid->setColumnStretch(1, 1);

    // What the link is doing, when that is the news.
    auto *linkLayout = new QHBoxLayout(m_linkFrame);
    linkLayout->setContentsMargins(0, 0, 0, 0);
    linkLayout->setSpacing(12);
    const int small = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_linkIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(small, small));
    m_linkIcon->setAlignment(Qt::AlignTop);
    linkLayout->addWidget(m_linkIcon);
    auto *linkWords = new QVBoxLayout;
    linkWords->setSpacing(2);
    linkWords->addWidget(m_link);
    linkWords->addWidget(m_linkDetail);
    linkLayout->addLayout(linkWords, 1);
    m_linkDetail->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_openFolder, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_folder)); });

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(m_linkFrame);
    layout->addWidget(files);
    layout->addLayout(folderGrid);
    layout->addWidget(buttons);

    connect(download, &DragDownload::changed, this, &DragDownloadBox::update);
    update();
}

void DragDownloadBox::update()
{
    if (!m_download)
        return;
    const DragDownload &download = *m_download;
    const QList<Item> items = download.items();
    const bool ended = download.allEnded();
    const Link link = download.link();
    bool trouble = false;
    // The size follows the words, not each progress report (a box that jumps is hard to read).
    const auto shape = [this] {
        return m_heading->text() + m_link->text() + m_linkDetail->text()
               + QString::number(m_linkFrame->isVisibleTo(this));
    };
    const QString shapeBefore = shape();

    for (qsizetype i = 0; i < items.size() && i < m_rows.size(); ++i) {
        const Item &item = items[i];
        const Row &row = m_rows[i];
        row.bar->setVisible(item.state == Item::State::Downloading || item.state == Item::State::Done);
        switch (item.state) {
        case Item::State::Downloading:
            if (item.bytesTotal == 0) {
                row.bar->setFormat(tr("Starting…"));
                row.bar->setValue(0);
            } else {
                row.bar->setFormat(tr("%1 of %2").arg(dataSize(item.bytesDone), dataSize(item.bytesTotal)));
                row.bar->setValue(int(1000 * item.bytesDone / item.bytesTotal));
            }
            row.state->setText(link == Link::Up
                                   ? tr("%1 %").arg(item.bytesTotal ? 100 * item.bytesDone / item.bytesTotal : 0)
                                   : tr("waiting for the link"));
            break;
        case Item::State::Done:
            row.bar->setFormat(dataSize(item.bytesTotal));
            row.bar->setValue(1000);
            row.state->setText(tr("done"));
            break;
        case Item::State::Failed:
            trouble = true;
            row.state->setText(tr("Failed: %1").arg(item.error));
            break;
        case Item::State::Stopped:
            trouble = true;
            row.state->setText(tr("Stopped: %1").arg(item.error));
            break;
        }
    }

    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (!download.problem().isEmpty()) {
        icon = QStyle::SP_MessageBoxWarning;
        m_heading->setText(tr("Nothing could be downloaded for the drop"));
        m_explanation->setText(download.problem());
    } else if (link == Link::Gone && !download.allDone()) {
        icon = QStyle::SP_MessageBoxWarning;
        m_heading->setText(tr("The downloads stopped"));
        m_explanation->setText(tr("The connection to the cluster was removed, so what had not arrived was discarded; "
                                  "nothing incomplete is in the folder. Connect to the cluster again and drag the "
                                  "files once more, or use Download."));
    } else if (ended && !trouble) {
        m_heading->setText(tr("Everything has arrived"));
        m_explanation->setText(tr("What the drop target did not get because it was not ready yet is now complete in "
                                  "the folder below: open it and take the files from there."));
    } else if (ended) {
        icon = QStyle::SP_MessageBoxWarning;
        m_heading->setText(tr("Some files could not be downloaded"));
        m_explanation->setText(tr("What arrived is complete in the folder below. The lines above say why the rest "
                                  "did not; Transfers can try them again."));
    } else if (link == Link::Down) {
        icon = QStyle::SP_MessageBoxWarning;
        m_heading->setText(tr("The connection to the cluster was lost"));
        m_explanation->setText(tr("The files that were not ready when you dropped them are waiting to be downloaded "
                                  "into the folder below. Nothing incomplete is in it under its own name."));
    } else if (link == Link::Closed) {
        icon = QStyle::SP_MessageBoxWarning;
        m_heading->setText(tr("Not connected to the cluster"));
        m_explanation->setText(tr("The files that were not ready when you dropped them are waiting to be downloaded "
                                  "into the folder below. Nothing incomplete is in it under its own name."));
    } else {
        m_heading->setText(tr("Still downloading for your drop"));
        m_explanation->setText(tr("The drop target got only what had completely arrived. The rest goes on "
                                  "downloading into the folder below: open it once it is done and take the files "
                                  "from there."));
    }
    const int large = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(large, large));

    const QString why = download.linkMessage();
    m_linkDetail->setVisible(!why.isEmpty());
    if (!ended && link == Link::Down) {
        m_link->setText(tr("clusterdesk keeps trying to reconnect; the downloads go on from where they stopped once "
                           "the link is back. If the cluster stays out of reach, check your network or VPN, or "
                           "cancel the downloads in Transfers."));
        m_linkDetail->setText(why);
        m_linkFrame->show();
    } else if (!ended && link == Link::Closed) {
        m_link->setText(tr("The downloads wait in Transfers: connect to the cluster again and they go on from where "
                           "they stopped, or cancel them there."));
        m_linkDetail->setText(why);
        m_linkFrame->show();
    } else {
        m_linkFrame->hide();
    }
    m_openFolder->setDefault(ended);
    if (shape() != shapeBefore)
        adjustSize();
}

QString DragDownloadBox::heading() const
{
    return m_heading->text();
}

QString DragDownloadBox::text() const
{
    QStringList lines{m_heading->text(), m_explanation->text()};
    if (m_linkFrame->isVisibleTo(this))
        lines.append(m_link->text() + u'\n' + m_linkDetail->text());
    for (const Row &row : m_rows) {
        lines.append(row.bar->isVisibleTo(this)
                         ? tr("%1: %2, %3").arg(row.name->text(), row.bar->text(), row.state->text())
                         : tr("%1: %2").arg(row.name->text(), row.state->text()));
    }
    lines.append(tr("Folder: %1").arg(m_folder));
    return lines.join(u'\n');
}

} // namespace ui
