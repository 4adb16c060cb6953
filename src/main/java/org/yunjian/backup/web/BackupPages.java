package org.yunjian.backup.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunjian.backup.BackupException;
import org.yunjian.backup.internal.BackupService;

/** The Backups page of the system administrator: the finished backups and a button that takes one now. */
@Controller
class BackupPages {

    private final BackupService backups;
    private final MessageSource messages;

    BackupPages(BackupService backups, MessageSource messages) {
        this.backups = backups;
        this.messages = messages;
    }

    @GetMapping("/admin/backups")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String list(Model model) {
        model.addAttribute("backups", backups.list());
        model.addAttribute("backupDir", backups.backupDir().toString());
        return "backup/list";
    }

    @PostMapping("/admin/backups")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(RedirectAttributes flash, Locale locale) {
        try {
            BackupService.Backup b = backups.create();
            flash.addFlashAttribute(
                    "created",
                    messages.getMessage(
                            "backup.page.created", new Object[] {b.name(), b.files(), b.manifestSm3()}, locale));
        } catch (BackupException e) {
            flash.addFlashAttribute("failed", messages.getMessage(e.key(), e.args(), e.key(), locale));
        }
        return "redirect:/admin/backups";
    }
}
