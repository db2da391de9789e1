package ru.sipring.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void markupFromOutsideCannotOpenATagOrLeaveAnAttribute() {
    assertThat(HtmlText.escape("<script>alert('x')</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(HtmlText.escape("\" onmouseover=\"x")).isEqualTo("&quot; onmouseover=&quot;x");
    assertThat(HtmlText.escape("Tom & Jerry")).isEqualTo("Tom &amp; Jerry");
  }

  @Test
  void controlCharactersXmlForbidsBecomeSpacesAndLineBreaksStay() {
    assertThat(HtmlText.escape("a\u0000b\u001bc\td\ne\rf")).isEqualTo("a b c\td\ne\rf");
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String s = "Петрова ЛВ 501";
    assertThat(HtmlText.escape(s)).isSameAs(s);
  }
}
